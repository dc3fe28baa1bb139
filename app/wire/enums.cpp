#include "wire/enums.h"

#include <QCoreApplication>

namespace Ankra::Wire {

const QStringList &knownStatuses()
{
    static const QStringList values{QStringLiteral("pending_review"),
                                    QStringLiteral("open"),
                                    QStringLiteral("triaging"),
                                    QStringLiteral("in_progress"),
                                    QStringLiteral("waiting_customer"),
                                    QStringLiteral("resolved"),
                                    QStringLiteral("closed")};
    return values;
}

const QStringList &knownCategories()
{
    static const QStringList values{QStringLiteral("technical"),
                                    QStringLiteral("bug"),
                                    QStringLiteral("feature_request"),
                                    QStringLiteral("account"),
                                    QStringLiteral("billing"),
                                    QStringLiteral("other")};
    return values;
}

const QStringList &knownSeverities()
{
    static const QStringList values{QStringLiteral("low"),
                                    QStringLiteral("medium"),
                                    QStringLiteral("high"),
                                    QStringLiteral("critical")};
    return values;
}

const QStringList &knownSources()
{
    static const QStringList values{QStringLiteral("portal"),
                                    QStringLiteral("api"),
                                    QStringLiteral("cli"),
                                    QStringLiteral("agent")};
    return values;
}

const QStringList &knownAuthorTypes()
{
    static const QStringList values{QStringLiteral("customer"),
                                    QStringLiteral("team"),
                                    QStringLiteral("ai"),
                                    QStringLiteral("system")};
    return values;
}

bool isKnownStatus(const QString &value)
{
    return knownStatuses().contains(value);
}

bool isKnownCategory(const QString &value)
{
    return knownCategories().contains(value);
}

bool isKnownSeverity(const QString &value)
{
    return knownSeverities().contains(value);
}

bool isKnownSource(const QString &value)
{
    return knownSources().contains(value);
}

QString statusLabel(const QString &status)
{
    if (status == QLatin1String(Status::PendingReview))
        return QCoreApplication::translate("Ankra::Wire", "Under review");
    if (status == QLatin1String(Status::Open))
        return QCoreApplication::translate("Ankra::Wire", "Awaiting triage");
    if (status == QLatin1String(Status::Triaging))
        return QCoreApplication::translate("Ankra::Wire", "Being assessed");
    if (status == QLatin1String(Status::InProgress))
        return QCoreApplication::translate("Ankra::Wire", "Being worked on");
    if (status == QLatin1String(Status::WaitingCustomer))
        return QCoreApplication::translate("Ankra::Wire", "Waiting on you");
    if (status == QLatin1String(Status::Resolved))
        return QCoreApplication::translate("Ankra::Wire", "Resolved");
    if (status == QLatin1String(Status::Closed))
        return QCoreApplication::translate("Ankra::Wire", "Closed");
    return status;
}

QString aiReviewStatusLabel(const QString &status)
{
    if (status == QLatin1String("pending"))
        return QCoreApplication::translate("Ankra::Wire", "Pending");
    if (status == QLatin1String("passed"))
        return QCoreApplication::translate("Ankra::Wire", "Passed");
    if (status == QLatin1String("flagged"))
        return QCoreApplication::translate("Ankra::Wire", "Flagged");
    return status;
}

QString categoryLabel(const QString &category)
{
    if (category == QLatin1String("technical"))
        return QCoreApplication::translate("Ankra::Wire", "Technical");
    if (category == QLatin1String("bug"))
        return QCoreApplication::translate("Ankra::Wire", "Bug");
    if (category == QLatin1String("feature_request"))
        return QCoreApplication::translate("Ankra::Wire", "Feature request");
    if (category == QLatin1String("account"))
        return QCoreApplication::translate("Ankra::Wire", "Account");
    if (category == QLatin1String("billing"))
        return QCoreApplication::translate("Ankra::Wire", "Billing");
    if (category == QLatin1String("other"))
        return QCoreApplication::translate("Ankra::Wire", "Other");
    return category;
}

QString severityLabel(const QString &severity)
{
    if (severity == QLatin1String("critical"))
        return QCoreApplication::translate("Ankra::Wire", "Critical");
    if (severity == QLatin1String("high"))
        return QCoreApplication::translate("Ankra::Wire", "High");
    if (severity == QLatin1String("medium"))
        return QCoreApplication::translate("Ankra::Wire", "Medium");
    if (severity == QLatin1String("low"))
        return QCoreApplication::translate("Ankra::Wire", "Low");
    return severity;
}

const QStringList &defaultAllowedExtensions()
{
    static const QStringList list{QStringLiteral("log"),
                                  QStringLiteral("txt"),
                                  QStringLiteral("out"),
                                  QStringLiteral("yaml"),
                                  QStringLiteral("yml"),
                                  QStringLiteral("json"),
                                  QStringLiteral("toml"),
                                  QStringLiteral("xml"),
                                  QStringLiteral("diff"),
                                  QStringLiteral("patch"),
                                  QStringLiteral("png"),
                                  QStringLiteral("jpg"),
                                  QStringLiteral("jpeg"),
                                  QStringLiteral("gif"),
                                  QStringLiteral("webp"),
                                  QStringLiteral("pdf"),
                                  QStringLiteral("tar.gz"),
                                  QStringLiteral("tgz"),
                                  QStringLiteral("zip")};
    return list;
}

int severityRank(const QString &severity)
{
    const int index = knownSeverities().indexOf(severity);
    return index < 0 ? 0 : index + 1;
}

} // namespace Ankra::Wire
