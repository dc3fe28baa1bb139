#pragma once

// A typed error from one API call. `message` is translated and fit to show a user;
// `detail` is for logs only (never contains the token).

#include <QMap>
#include <QNetworkReply>
#include <QString>

namespace Ankra::Api {

struct ApiError
{
    enum class Kind {
        None,
        Offline,         // could not connect / host not found / network down
        Timeout,         // no progress within the transfer timeout
        Tls,             // certificate or handshake problem (never ignored)
        Auth,            // 401: missing or invalid token
        Forbidden,       // 403
        NotFound,        // 404
        Conflict,        // 409
        TooLarge,        // 413
        UnsupportedType, // 415
        Validation,      // 422 (and 400): see fieldErrors
        RateLimited,     // 429: see retryAfterSeconds
        Server,          // 5xx
        Malformed,       // the response was not what the contract says
        Cancelled,       // cancelled by the user or the caller
        InsecureUrl,     // http:// to a non-loopback host, refused before sending
        LocalFile,       // a local file could not be read or written (upload, download)
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message;
    QString detail;
    QMap<QString, QString> fieldErrors; // "subject" -> "ensure this value has at most 200 characters"
    int retryAfterSeconds = -1;

    bool isError() const { return kind != Kind::None; }
    // Worth trying again later without changing the request.
    bool isTransient() const;
};

// Pure mapping from what the transport and the server said to an ApiError (Kind::None on 2xx).
ApiError errorFromResponse(QNetworkReply::NetworkError networkError,
                           int httpStatus,
                           const QByteArray &body,
                           const QByteArray &retryAfterHeader,
                           const QString &transportMessage = {});

QString kindName(ApiError::Kind kind);

} // namespace Ankra::Api
