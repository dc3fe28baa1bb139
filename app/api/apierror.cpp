#include "api/apierror.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Ankra::Api {

namespace {

// The context lupdate gives tr() calls at namespace scope: the two must match.
QString tr(const char *text)
{
    return QCoreApplication::translate("Ankra::Api", text);
}

// FastAPI error bodies: {"detail": "text"} or {"detail": [{"loc": [...], "msg": "..."}]}.
void readDetail(const QByteArray &body, ApiError &error)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return;
    const QJsonValue detail = doc.object().value(QLatin1String("detail"));
    if (detail.isString()) {
        error.detail = detail.toString();
        return;
    }
    if (!detail.isArray())
        return;
    QStringList messages;
    for (const QJsonValue &item : detail.toArray()) {
        const QJsonObject o = item.toObject();
        const QJsonArray loc = o.value(QLatin1String("loc")).toArray();
        QString field = loc.isEmpty() ? QString() : loc.last().toVariant().toString();
        const QString msg = o.value(QLatin1String("msg")).toString();
        if (!field.isEmpty())
            error.fieldErrors.insert(field, msg);
        messages.append(field.isEmpty() ? msg : field + QStringLiteral(": ") + msg);
    }
    error.detail = messages.join(QStringLiteral("; "));
}

} // namespace

bool ApiError::isTransient() const
{
    switch (kind) {
    case Kind::Offline:
    case Kind::Timeout:
    case Kind::RateLimited:
        return true;
    case Kind::Server:
        return httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    default:
        return false;
    }
}

ApiError errorFromResponse(QNetworkReply::NetworkError networkError,
                           int httpStatus,
                           const QByteArray &body,
                           const QByteArray &retryAfterHeader,
                           const QString &transportMessage)
{
    ApiError error;
    error.httpStatus = httpStatus;

    if (httpStatus == 0) {
        switch (networkError) {
        case QNetworkReply::NoError:
            error.kind = ApiError::Kind::Malformed;
            error.message = tr("The server sent no response.");
            return error;
        case QNetworkReply::OperationCanceledError:
            error.kind = ApiError::Kind::Cancelled;
            error.message = tr("Cancelled.");
            return error;
        case QNetworkReply::TimeoutError:
            error.kind = ApiError::Kind::Timeout;
            error.message = tr("The server did not answer in time.");
            error.detail = transportMessage;
            return error;
        case QNetworkReply::SslHandshakeFailedError:
            error.kind = ApiError::Kind::Tls;
            error.message = tr("The secure connection to the server failed (certificate or TLS "
                               "problem).");
            error.detail = transportMessage;
            return error;
        default:
            error.kind = ApiError::Kind::Offline;
            error.message = tr("Cannot reach the server. Check your connection.");
            error.detail = transportMessage;
            return error;
        }
    }

    if (httpStatus >= 200 && httpStatus < 300)
        return {};

    readDetail(body, error);
    switch (httpStatus) {
    case 401:
        error.kind = ApiError::Kind::Auth;
        error.message = tr("The API token was refused. Sign in again with a valid token.");
        break;
    case 403:
        error.kind = ApiError::Kind::Forbidden;
        error.message = tr("You are not allowed to do this.");
        break;
    case 404:
        error.kind = ApiError::Kind::NotFound;
        error.message = tr("Not found. It may have been removed, or belong to another "
                           "organisation.");
        break;
    case 409:
        error.kind = ApiError::Kind::Conflict;
        error.message = error.detail.isEmpty() ? tr("The request conflicts with the ticket's "
                                                    "current state.")
                                               : error.detail;
        break;
    case 413:
        error.kind = ApiError::Kind::TooLarge;
        error.message = error.detail.isEmpty() ? tr("The file is too large.") : error.detail;
        break;
    case 415:
        error.kind = ApiError::Kind::UnsupportedType;
        error.message = error.detail.isEmpty() ? tr("This type of file is not accepted.")
                                               : error.detail;
        break;
    case 400:
    case 422:
        error.kind = ApiError::Kind::Validation;
        error.message = error.detail.isEmpty() ? tr("The server refused the request as invalid.")
                                               : error.detail;
        break;
    case 429: {
        error.kind = ApiError::Kind::RateLimited;
        bool ok = false;
        const int seconds = retryAfterHeader.trimmed().toInt(&ok);
        error.retryAfterSeconds = ok ? seconds : 30;
        error.message = QCoreApplication::translate("Ankra::Api::ApiError",
                                                    "Too many requests. Try again in %n second(s).",
                                                    nullptr,
                                                    error.retryAfterSeconds);
        break;
    }
    default:
        if (httpStatus >= 500) {
            error.kind = ApiError::Kind::Server;
            error.message = tr("The server had a problem (HTTP %1). Try again later.")
                                .arg(httpStatus);
        } else {
            error.kind = ApiError::Kind::Malformed;
            error.message = tr("Unexpected answer from the server (HTTP %1).").arg(httpStatus);
        }
    }
    return error;
}

QString kindName(ApiError::Kind kind)
{
    switch (kind) {
    case ApiError::Kind::None:
        return QStringLiteral("none");
    case ApiError::Kind::Offline:
        return QStringLiteral("offline");
    case ApiError::Kind::Timeout:
        return QStringLiteral("timeout");
    case ApiError::Kind::Tls:
        return QStringLiteral("tls");
    case ApiError::Kind::Auth:
        return QStringLiteral("auth");
    case ApiError::Kind::Forbidden:
        return QStringLiteral("forbidden");
    case ApiError::Kind::NotFound:
        return QStringLiteral("not_found");
    case ApiError::Kind::Conflict:
        return QStringLiteral("conflict");
    case ApiError::Kind::TooLarge:
        return QStringLiteral("too_large");
    case ApiError::Kind::UnsupportedType:
        return QStringLiteral("unsupported_type");
    case ApiError::Kind::Validation:
        return QStringLiteral("validation");
    case ApiError::Kind::RateLimited:
        return QStringLiteral("rate_limited");
    case ApiError::Kind::Server:
        return QStringLiteral("server");
    case ApiError::Kind::Malformed:
        return QStringLiteral("malformed");
    case ApiError::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case ApiError::Kind::InsecureUrl:
        return QStringLiteral("insecure_url");
    case ApiError::Kind::LocalFile:
        return QStringLiteral("local_file");
    }
    return QStringLiteral("unknown");
}

} // namespace Ankra::Api
