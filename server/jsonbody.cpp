#include "jsonbody.h"

#include <QJsonDocument>
#include <QUuid>

namespace Ankra::Server {

bool isUuid(const QString &text)
{
    return text.size() == 36 && !QUuid::fromString(text).isNull();
}

JsonBody::JsonBody(const std::string &body, const std::string &contentType)
{
    const QString type = QString::fromStdString(contentType).toLower();
    if (!type.isEmpty() && !type.startsWith(QLatin1String("application/json"))
        && !type.contains(QLatin1String("+json"))) {
        addError(QJsonArray{QStringLiteral("body")},
                 QStringLiteral("expected Content-Type application/json"),
                 QStringLiteral("value_error.content_type"));
        return;
    }
    if (body.empty()) {
        addError(QJsonArray{QStringLiteral("body")},
                 QStringLiteral("field required"),
                 QStringLiteral("value_error.missing"));
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(body), &error);
    if (error.error != QJsonParseError::NoError) {
        addError(QJsonArray{QStringLiteral("body"), error.offset},
                 QStringLiteral("invalid JSON at offset %1: %2")
                     .arg(error.offset)
                     .arg(error.errorString()),
                 QStringLiteral("value_error.jsondecode"));
        return;
    }
    if (!doc.isObject()) {
        addError(QJsonArray{QStringLiteral("body")},
                 QStringLiteral("value is not a valid dict"),
                 QStringLiteral("type_error.dict"));
        return;
    }
    m_object = doc.object();
    m_parsed = true;
}

void JsonBody::addError(const QJsonArray &loc, const QString &message, const QString &type)
{
    m_errors.append(QJsonObject{{QStringLiteral("loc"), loc},
                                {QStringLiteral("msg"), message},
                                {QStringLiteral("type"), type}});
}

void JsonBody::fieldError(const QString &field, const QString &message, const QString &type)
{
    addError(QJsonArray{QStringLiteral("body"), field}, message, type);
}

bool JsonBody::has(const QString &field) const
{
    return present(field).has_value();
}

std::optional<QJsonValue> JsonBody::present(const QString &field) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    return v;
}

QString JsonBody::string(const QString &field, bool required, int maxLength)
{
    const auto v = present(field);
    if (!v) {
        if (required && m_parsed)
            fieldError(field,
                       QStringLiteral("field required"),
                       QStringLiteral("value_error.missing"));
        return {};
    }
    if (!v->isString()) {
        fieldError(field, QStringLiteral("str type expected"), QStringLiteral("type_error.str"));
        return {};
    }
    const QString text = v->toString();
    if (required && text.trimmed().isEmpty()) {
        fieldError(field,
                   QStringLiteral("ensure this value is not blank"),
                   QStringLiteral("value_error.any_str.min_length"));
        return {};
    }
    if (text.size() > maxLength) {
        fieldError(field,
                   QStringLiteral("ensure this value has at most %1 characters").arg(maxLength),
                   QStringLiteral("value_error.any_str.max_length"));
        return {};
    }
    if (text.contains(QChar(0))) {
        fieldError(field,
                   QStringLiteral("NUL characters are not allowed"),
                   QStringLiteral("value_error.str.nul"));
        return {};
    }
    return text;
}

QString JsonBody::enumValue(const QString &field,
                            const QStringList &allowed,
                            const QString &fallback)
{
    const auto v = present(field);
    if (!v)
        return fallback;
    if (!v->isString() || !allowed.contains(v->toString())) {
        fieldError(field,
                   QStringLiteral("value is not a valid enumeration member; permitted: %1")
                       .arg(allowed.join(QStringLiteral(", "))),
                   QStringLiteral("type_error.enum"));
        return fallback;
    }
    return v->toString();
}

QString JsonBody::uuid(const QString &field)
{
    const auto v = present(field);
    if (!v)
        return {};
    if (!v->isString() || !isUuid(v->toString())) {
        fieldError(field,
                   QStringLiteral("value is not a valid uuid"),
                   QStringLiteral("type_error.uuid"));
        return {};
    }
    return v->toString().toLower();
}

bool JsonBody::boolean(const QString &field, bool fallback)
{
    const auto v = present(field);
    if (!v)
        return fallback;
    if (!v->isBool()) {
        fieldError(field,
                   QStringLiteral("value could not be parsed to a boolean"),
                   QStringLiteral("type_error.bool"));
        return fallback;
    }
    return v->toBool();
}

QJsonObject JsonBody::object(const QString &field, int maxBytes)
{
    const auto v = present(field);
    if (!v)
        return {};
    if (!v->isObject()) {
        fieldError(field,
                   QStringLiteral("value is not a valid dict"),
                   QStringLiteral("type_error.dict"));
        return {};
    }
    if (QJsonDocument(v->toObject()).toJson(QJsonDocument::Compact).size() > maxBytes) {
        fieldError(field,
                   QStringLiteral("ensure this object is at most %1 bytes").arg(maxBytes),
                   QStringLiteral("value_error.too_large"));
        return {};
    }
    return v->toObject();
}

QList<std::pair<QString, QString>> JsonBody::answers(const QString &field,
                                                     int maxItems,
                                                     int maxLength)
{
    QList<std::pair<QString, QString>> result;
    const auto v = present(field);
    if (!v)
        return result;
    if (!v->isArray()) {
        fieldError(field,
                   QStringLiteral("value is not a valid list"),
                   QStringLiteral("type_error.list"));
        return result;
    }
    const QJsonArray items = v->toArray();
    if (items.size() > maxItems) {
        fieldError(field,
                   QStringLiteral("ensure this value has at most %1 items").arg(maxItems),
                   QStringLiteral("value_error.list.max_items"));
        return result;
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        bool ok = items.at(i).isObject();
        for (const QString &key : {QStringLiteral("question"), QStringLiteral("answer")}) {
            const QJsonValue text = item.value(key);
            if (!ok)
                break;
            if (!text.isString() || text.toString().size() > maxLength) {
                addError(QJsonArray{QStringLiteral("body"), field, int(i), key},
                         QStringLiteral("a string of at most %1 characters is required")
                             .arg(maxLength),
                         QStringLiteral("type_error.str"));
                ok = false;
            }
        }
        if (!items.at(i).isObject()) {
            addError(QJsonArray{QStringLiteral("body"), field, int(i)},
                     QStringLiteral("value is not a valid dict"),
                     QStringLiteral("type_error.dict"));
            continue;
        }
        if (ok)
            result.append({item.value(QLatin1String("question")).toString(),
                           item.value(QLatin1String("answer")).toString()});
    }
    return result;
}

} // namespace Ankra::Server
