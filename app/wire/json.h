#pragma once

// Pure JSON <-> value conversion for the Support API. No I/O, no Qt event loop: safe to call
// from any thread. Parsers tolerate unknown fields and unknown enum values; they fail only when
// a required field is missing or has the wrong type, and then say which one.

#include "wire/types.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>

#include <variant>

namespace Ankra::Wire {

struct ParseError
{
    QString message; // e.g. "result[3].id: expected a string"
};

template<typename T>
using Parsed = std::variant<T, ParseError>;

template<typename T>
bool isError(const Parsed<T> &p)
{
    return std::holds_alternative<ParseError>(p);
}

QDateTime parseTimestamp(const QString &text);  // RFC 3339; invalid QDateTime when it is not
QString formatTimestamp(const QDateTime &time); // RFC 3339 UTC with milliseconds

Parsed<TicketSummary> parseTicketSummary(const QJsonObject &object);
Parsed<Ticket> parseTicket(const QJsonObject &object);
Parsed<Comment> parseComment(const QJsonObject &object);
Parsed<Attachment> parseAttachment(const QJsonObject &object);
Parsed<TicketPage> parseTicketPage(const QJsonObject &object);
Parsed<ReviewResult> parseReviewResult(const QJsonObject &object);
Parsed<Limits> parseLimits(const QJsonObject &object);
Parsed<QList<Cluster>> parseClusters(const QJsonValue &value);

// Parses a whole response body; the top level must be a JSON object.
Parsed<QJsonObject> parseObject(const QByteArray &body);

QJsonObject toJson(const TicketSummary &summary);
QJsonObject toJson(const Ticket &ticket);
QJsonObject toJson(const Comment &comment);
QJsonObject toJson(const Attachment &attachment);
QJsonObject toJson(const TicketPage &page);
QJsonObject toJson(const ReviewResult &review);
QJsonObject toJson(const Limits &limits);
QJsonObject toJson(const Cluster &cluster);

} // namespace Ankra::Wire
