#pragma once

// Strict reading of a JSON request body with FastAPI-shaped 422 errors. Every problem is
// collected (FastAPI reports all fields at once) as {"loc": ["body", field], "msg", "type"}.
// Unknown fields are ignored, as FastAPI does; null counts as "absent" for optional fields.

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <string>

namespace Ankra::Server {

class JsonBody
{
public:
    // `contentType` is the request's Content-Type header (may be empty).
    JsonBody(const std::string &body, const std::string &contentType);

    bool parsed() const { return m_parsed; }
    bool has(const QString &field) const;
    // Explicitly null (PATCH bodies: null clears a value, absent leaves it alone).
    bool isNull(const QString &field) const { return m_object.value(field).isNull(); }

    // A string; `required` also refuses blank text. Returns empty on error or when absent.
    QString string(const QString &field, bool required, int maxLength);
    // One of `allowed`; `fallback` when absent.
    QString enumValue(const QString &field, const QStringList &allowed, const QString &fallback);
    // A UUID string, lowercased; empty when absent.
    QString uuid(const QString &field);
    bool boolean(const QString &field, bool fallback);
    // A JSON object whose compact encoding is at most `maxBytes`.
    QJsonObject object(const QString &field, int maxBytes);
    // clarification_answers: [{"question": str, "answer": str}], both ≤ maxLength.
    QList<std::pair<QString, QString>> answers(const QString &field, int maxItems, int maxLength);

    void addError(const QJsonArray &loc, const QString &message, const QString &type);
    bool hasErrors() const { return !m_errors.isEmpty(); }
    QJsonObject errorBody() const { return {{QStringLiteral("detail"), m_errors}}; }

private:
    std::optional<QJsonValue> present(const QString &field) const;
    void fieldError(const QString &field, const QString &message, const QString &type);

    QJsonObject m_object;
    QJsonArray m_errors;
    bool m_parsed = false;
};

bool isUuid(const QString &text);

} // namespace Ankra::Server
