#include "wire/json.h"

#include "wire/timestamp_p.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <cmath>

namespace Ankra::Wire {

namespace {

// JSON numbers are doubles: only whole numbers that fit exactly (|n| <= 2^53) are integers.
// (A plain cast of 1e300 to qint64 is undefined behaviour; the fuzzer found that.)
std::optional<qint64> toInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    constexpr double Limit = 9007199254740992.0; // 2^53
    if (!std::isfinite(d) || d != std::floor(d) || d > Limit || d < -Limit)
        return std::nullopt;
    return static_cast<qint64>(d);
}

// Reads fields of one object and remembers the first error with its path.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path)
        : m_object(object)
        , m_path(std::move(path))
    {}

    QString requiredString(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (!v.isString()) {
            fail(key, v.isUndefined() ? "is missing" : "expected a string");
            return {};
        }
        return v.toString();
    }

    // Null or absent gives an empty string; any other non-string type is an error.
    QString optionalString(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            fail(key, "expected a string or null");
            return {};
        }
        return v.toString();
    }

    QDateTime requiredTime(const char *key)
    {
        const QString text = requiredString(key);
        if (!ok())
            return {};
        const QDateTime t = parseTimestamp(text);
        if (!t.isValid())
            fail(key, "expected an RFC 3339 date-time");
        return t;
    }

    QDateTime optionalTime(const char *key)
    {
        const QString text = optionalString(key);
        if (text.isEmpty())
            return {};
        const QDateTime t = parseTimestamp(text);
        if (!t.isValid())
            fail(key, "expected an RFC 3339 date-time");
        return t;
    }

    std::optional<qint64> optionalInteger(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        const std::optional<qint64> value = toInteger(v);
        if (!value)
            fail(key, "expected an integer");
        return value;
    }

    qint64 requiredInteger(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        const std::optional<qint64> value = toInteger(v);
        if (!value)
            fail(key, v.isUndefined() ? "is missing" : "expected an integer");
        return value.value_or(0);
    }

    bool optionalBool(const char *key, bool fallback = false)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return fallback;
        if (!v.isBool()) {
            fail(key, "expected true or false");
            return fallback;
        }
        return v.toBool();
    }

    QJsonArray optionalArray(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            fail(key, "expected an array");
            return {};
        }
        return v.toArray();
    }

    QJsonObject optionalObject(const char *key)
    {
        const QJsonValue v = m_object.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject()) {
            fail(key, "expected an object");
            return {};
        }
        return v.toObject();
    }

    QStringList optionalStringList(const char *key)
    {
        QStringList out;
        const QJsonArray array = optionalArray(key);
        for (qsizetype i = 0; i < array.size() && ok(); ++i) {
            if (!array.at(i).isString()) {
                fail(key, "expected an array of strings");
                break;
            }
            out.append(array.at(i).toString());
        }
        return out;
    }

    // Parses each element of an array field with `parse`, prefixing errors with the index.
    template<typename T, typename F>
    QList<T> list(const char *key, F parse)
    {
        QList<T> out;
        const QJsonArray array = optionalArray(key);
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size() && ok(); ++i) {
            const QString where = path(key) + u'[' + QString::number(i) + u']';
            if (!array.at(i).isObject()) {
                m_error = where + QStringLiteral(": expected an object");
                break;
            }
            auto parsed = parse(array.at(i).toObject());
            if (auto *e = std::get_if<ParseError>(&parsed)) {
                m_error = where + u'.' + e->message;
                break;
            }
            out.append(std::get<T>(std::move(parsed)));
        }
        return out;
    }

    bool ok() const { return m_error.isEmpty(); }
    ParseError error() const { return ParseError{m_error}; }

private:
    QString path(const char *key) const
    {
        return m_path.isEmpty() ? QString::fromLatin1(key) : m_path + u'.' + QLatin1String(key);
    }

    void fail(const char *key, const char *what)
    {
        if (m_error.isEmpty())
            m_error = path(key) + QStringLiteral(": ") + QLatin1String(what);
    }

    const QJsonObject &m_object;
    QString m_path;
    QString m_error;
};

QJsonValue nullable(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

QJsonValue nullable(const QDateTime &value)
{
    return value.isValid() ? QJsonValue(formatTimestamp(value)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QDateTime parseTimestamp(const QString &text)
{
    if (std::optional<QDateTime> fast = Detail::parseUtcTimestampFast(QStringView(text)))
        return *fast;
    // Qt::ISODateWithMs also accepts more than three fractional digits (Python's microseconds)
    // and offsets like +00:00. A time without an offset is taken as UTC, not local time.
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return {};
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toUTC();
}

QString formatTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

Parsed<QJsonObject> parseObject(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return ParseError{QStringLiteral("invalid JSON at offset %1: %2")
                              .arg(error.offset)
                              .arg(error.errorString())};
    if (!doc.isObject())
        return ParseError{QStringLiteral("expected a JSON object")};
    return doc.object();
}

Parsed<Comment> parseComment(const QJsonObject &object)
{
    Reader r(object, {});
    Comment c;
    c.id = r.requiredString("id");
    c.authorType = r.optionalString("author_type");
    c.authorLabel = r.optionalString("author_label");
    c.body = r.optionalString("body");
    c.createdAt = r.requiredTime("created_at");
    if (!r.ok())
        return r.error();
    return c;
}

Parsed<Attachment> parseAttachment(const QJsonObject &object)
{
    Reader r(object, {});
    Attachment a;
    a.id = r.requiredString("id");
    a.filename = r.requiredString("filename");
    a.contentType = r.optionalString("content_type");
    a.sizeBytes = r.optionalInteger("size_bytes").value_or(0);
    a.createdAt = r.optionalTime("created_at");
    if (!r.ok())
        return r.error();
    return a;
}

Parsed<TicketSummary> parseTicketSummary(const QJsonObject &object)
{
    Reader r(object, {});
    TicketSummary t;
    t.id = r.requiredString("id");
    t.ticketNumber = r.optionalInteger("ticket_number");
    t.clusterId = r.optionalString("cluster_id");
    t.clusterName = r.optionalString("cluster_name");
    t.source = r.optionalString("source");
    t.category = r.optionalString("category");
    t.subject = r.requiredString("subject");
    t.status = r.requiredString("status");
    t.severity = r.optionalString("severity");
    t.aiReviewStatus = r.optionalString("ai_review_status");
    t.trackedByTeam = r.optionalBool("is_tracked_by_team");
    t.createdAt = r.requiredTime("created_at");
    t.updatedAt = r.requiredTime("updated_at");
    if (!r.ok())
        return r.error();
    return t;
}

Parsed<Ticket> parseTicket(const QJsonObject &object)
{
    Reader r(object, {});
    Ticket t;
    t.id = r.requiredString("id");
    t.organisationId = r.optionalString("organisation_id");
    t.ticketNumber = r.optionalInteger("ticket_number");
    t.source = r.optionalString("source");
    t.category = r.optionalString("category");
    t.subject = r.requiredString("subject");
    t.description = r.optionalString("description");
    t.status = r.requiredString("status");
    t.severity = r.optionalString("severity");
    t.aiReviewStatus = r.optionalString("ai_review_status");
    t.aiSummary = r.optionalString("ai_summary");
    t.clusterId = r.optionalString("cluster_id");
    t.clusterName = r.optionalString("cluster_name");
    t.trackedByTeam = r.optionalBool("is_tracked_by_team");
    t.environment = r.optionalObject("environment");
    t.createdAt = r.requiredTime("created_at");
    t.updatedAt = r.requiredTime("updated_at");
    t.comments = r.list<Comment>("comments", parseComment);
    t.attachments = r.list<Attachment>("attachments", parseAttachment);
    if (!r.ok())
        return r.error();
    return t;
}

Parsed<TicketPage> parseTicketPage(const QJsonObject &object)
{
    Reader r(object, {});
    TicketPage page;
    if (!object.value(QLatin1String("result")).isArray())
        return ParseError{QStringLiteral("result: expected an array")};
    page.result = r.list<TicketSummary>("result", parseTicketSummary);
    if (!r.ok())
        return r.error();
    const QJsonObject pagination = r.optionalObject("pagination");
    Reader p(pagination, QStringLiteral("pagination"));
    page.pagination.page = int(p.optionalInteger("page").value_or(1));
    page.pagination.pageSize = int(p.optionalInteger("page_size").value_or(page.result.size()));
    page.pagination.totalPages = int(p.optionalInteger("total_pages").value_or(1));
    page.pagination.totalCount = p.optionalInteger("total_count").value_or(page.result.size());
    if (!p.ok())
        return p.error();
    return page;
}

Parsed<ReviewResult> parseReviewResult(const QJsonObject &object)
{
    Reader r(object, {});
    ReviewResult review;
    review.reviewId = r.requiredString("review_id");
    const QJsonObject enrichment = r.optionalObject("enrichment");
    Reader e(enrichment, QStringLiteral("enrichment"));
    review.summary = e.optionalString("summary");
    review.severity = e.optionalString("severity");
    review.category = e.optionalString("category");
    if (!e.ok())
        return e.error();
    review.quality = r.optionalString("quality");
    review.qualityFlags = r.optionalStringList("quality_flags");
    review.clarifyingQuestions = r.optionalStringList("clarifying_questions");
    review.duplicateCandidates
        = r.list<DuplicateCandidate>("duplicate_candidates",
                                     [](const QJsonObject &o) -> Parsed<DuplicateCandidate> {
                                         Reader c(o, {});
                                         DuplicateCandidate d;
                                         d.candidateId = c.requiredString("candidate_id");
                                         d.summary = c.optionalString("summary");
                                         d.statusLabel = c.optionalString("status_label");
                                         d.confidence = c.optionalString("confidence");
                                         d.alreadyResolved = c.optionalBool("already_resolved");
                                         if (!c.ok())
                                             return c.error();
                                         return d;
                                     });
    review.recommendedAction = r.optionalString("recommended_action");
    review.expiresAt = r.optionalTime("expires_at");
    if (!r.ok())
        return r.error();
    return review;
}

Parsed<Limits> parseLimits(const QJsonObject &object)
{
    Reader r(object, {});
    Limits limits;
    limits.maxAttachmentBytes = r.optionalInteger("max_attachment_bytes")
                                    .value_or(limits.maxAttachmentBytes);
    limits.maxAttachmentsPerTicket = int(
        r.optionalInteger("max_attachments_per_ticket").value_or(limits.maxAttachmentsPerTicket));
    limits.allowedExtensions = r.optionalStringList("allowed_extensions");
    if (!r.ok())
        return r.error();
    return limits;
}

Parsed<QList<Cluster>> parseClusters(const QJsonValue &value)
{
    // Accept both a bare array and the list envelope {"result": [...]}.
    QJsonObject holder;
    if (value.isArray())
        holder.insert(QStringLiteral("result"), value);
    else if (value.isObject())
        holder = value.toObject();
    else
        return ParseError{QStringLiteral("expected an array of clusters")};
    Reader r(holder, {});
    auto clusters = r.list<Cluster>("result", [](const QJsonObject &o) -> Parsed<Cluster> {
        Reader c(o, {});
        Cluster cluster;
        cluster.id = c.requiredString("id");
        cluster.name = c.requiredString("name");
        cluster.kubernetesVersion = c.optionalString("kubernetes_version");
        if (!c.ok())
            return c.error();
        return cluster;
    });
    if (!r.ok())
        return r.error();
    return clusters;
}

QJsonObject toJson(const TicketSummary &t)
{
    QJsonObject o{{QStringLiteral("id"), t.id},
                  {QStringLiteral("cluster_id"), nullable(t.clusterId)},
                  {QStringLiteral("cluster_name"), nullable(t.clusterName)},
                  {QStringLiteral("source"), t.source},
                  {QStringLiteral("category"), t.category},
                  {QStringLiteral("subject"), t.subject},
                  {QStringLiteral("status"), t.status},
                  {QStringLiteral("severity"), nullable(t.severity)},
                  {QStringLiteral("ai_review_status"), t.aiReviewStatus},
                  {QStringLiteral("is_tracked_by_team"), t.trackedByTeam},
                  {QStringLiteral("created_at"), nullable(t.createdAt)},
                  {QStringLiteral("updated_at"), nullable(t.updatedAt)}};
    if (t.ticketNumber)
        o.insert(QStringLiteral("ticket_number"), double(*t.ticketNumber));
    return o;
}

QJsonObject toJson(const Comment &c)
{
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("author_type"), c.authorType},
            {QStringLiteral("author_label"), c.authorLabel},
            {QStringLiteral("body"), c.body},
            {QStringLiteral("created_at"), nullable(c.createdAt)}};
}

QJsonObject toJson(const Attachment &a)
{
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("filename"), a.filename},
            {QStringLiteral("content_type"), a.contentType},
            {QStringLiteral("size_bytes"), double(a.sizeBytes)},
            {QStringLiteral("created_at"), nullable(a.createdAt)}};
}

QJsonObject toJson(const Ticket &t)
{
    QJsonObject o = toJson(t.summary());
    o.insert(QStringLiteral("organisation_id"), t.organisationId);
    o.insert(QStringLiteral("description"), t.description);
    o.insert(QStringLiteral("ai_summary"), nullable(t.aiSummary));
    o.insert(QStringLiteral("environment"),
             t.environment.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t.environment));
    QJsonArray comments;
    for (const Comment &c : t.comments)
        comments.append(toJson(c));
    QJsonArray attachments;
    for (const Attachment &a : t.attachments)
        attachments.append(toJson(a));
    o.insert(QStringLiteral("comments"), comments);
    o.insert(QStringLiteral("attachments"), attachments);
    return o;
}

QJsonObject toJson(const TicketPage &page)
{
    QJsonArray result;
    for (const TicketSummary &t : page.result)
        result.append(toJson(t));
    return {{QStringLiteral("result"), result},
            {QStringLiteral("pagination"),
             QJsonObject{{QStringLiteral("page"), page.pagination.page},
                         {QStringLiteral("page_size"), page.pagination.pageSize},
                         {QStringLiteral("total_pages"), page.pagination.totalPages},
                         {QStringLiteral("total_count"), double(page.pagination.totalCount)}}}};
}

QJsonObject toJson(const ReviewResult &review)
{
    QJsonObject enrichment;
    enrichment.insert(QStringLiteral("summary"), nullable(review.summary));
    enrichment.insert(QStringLiteral("severity"), nullable(review.severity));
    enrichment.insert(QStringLiteral("category"), nullable(review.category));
    QJsonArray candidates;
    for (const DuplicateCandidate &d : review.duplicateCandidates)
        candidates.append(QJsonObject{{QStringLiteral("candidate_id"), d.candidateId},
                                      {QStringLiteral("summary"), d.summary},
                                      {QStringLiteral("status_label"), d.statusLabel},
                                      {QStringLiteral("confidence"), d.confidence},
                                      {QStringLiteral("already_resolved"), d.alreadyResolved}});
    return {{QStringLiteral("review_id"), review.reviewId},
            {QStringLiteral("enrichment"), enrichment},
            {QStringLiteral("quality"), review.quality},
            {QStringLiteral("quality_flags"), QJsonArray::fromStringList(review.qualityFlags)},
            {QStringLiteral("clarifying_questions"),
             QJsonArray::fromStringList(review.clarifyingQuestions)},
            {QStringLiteral("duplicate_candidates"), candidates},
            {QStringLiteral("recommended_action"), review.recommendedAction},
            {QStringLiteral("expires_at"), nullable(review.expiresAt)}};
}

QJsonObject toJson(const Limits &limits)
{
    return {{QStringLiteral("max_attachment_bytes"), double(limits.maxAttachmentBytes)},
            {QStringLiteral("max_attachments_per_ticket"), limits.maxAttachmentsPerTicket},
            {QStringLiteral("allowed_extensions"),
             QJsonArray::fromStringList(limits.allowedExtensions)}};
}

QJsonObject toJson(const Cluster &cluster)
{
    return {{QStringLiteral("id"), cluster.id},
            {QStringLiteral("name"), cluster.name},
            {QStringLiteral("kubernetes_version"), cluster.kubernetesVersion}};
}

TicketSummary Ticket::summary() const
{
    TicketSummary s;
    s.id = id;
    s.ticketNumber = ticketNumber;
    s.clusterId = clusterId;
    s.clusterName = clusterName;
    s.source = source;
    s.category = category;
    s.subject = subject;
    s.status = status;
    s.severity = severity;
    s.aiReviewStatus = aiReviewStatus;
    s.trackedByTeam = trackedByTeam;
    s.createdAt = createdAt;
    s.updatedAt = updatedAt;
    return s;
}

} // namespace Ankra::Wire
