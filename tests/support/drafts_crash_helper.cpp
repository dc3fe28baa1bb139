// The app's core without widgets, for tst_drafts_crash: restores the new-ticket draft from
// <dir>, keeps "typing" into its description through the real TicketDraftSession (and so the
// real debounced Autosaver), and queues comments in the real Outbox, until it is killed.
//
// stdout protocol, one flushed line per event:
//   ready <restored length>
//   T <description length> <ms since start>   after each keystroke
//   Q <entry id> <body>                       after enqueueComment() returned
// Usage: drafts_crash_helper <data dir> <round>

#include "review/submissionflow.h"
#include "store/drafts.h"
#include "store/draftssession.h"
#include "store/outbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

#include <cstdio>

using namespace Ankra;

namespace {

const QString Account = QStringLiteral("crash-test|org");

// The text the "user" types: deterministic, so the test can tell any saved prefix from a
// corrupt one.
QChar charAt(int i)
{
    if (i % 61 == 60)
        return QLatin1Char('\n');
    return QLatin1Char(char('a' + (i * 7 + i / 26) % 26));
}

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fputs("usage: drafts_crash_helper <data dir> <round>\n", stderr);
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const QString round = QString::fromLocal8Bit(argv[2]);

    Store::DraftStore drafts(dir);
    Store::Outbox outbox(QDir(dir).filePath(QStringLiteral("outbox.sqlite")));
    QString error;
    if (!drafts.isOpen() || !outbox.open(&error)) {
        std::fprintf(stderr,
                     "cannot open: %s %s\n",
                     qPrintable(drafts.errorString()),
                     qPrintable(error));
        return 1;
    }
    QNetworkAccessManager nam;
    Api::ApiClient client(&nam);
    Review::SubmissionFlow flow(&client);
    Store::TicketDraftSession session(&drafts, &flow, Account);
    const QList<Store::Draft> existing = drafts.drafts(Account);
    if (!existing.isEmpty())
        session.restore(existing.first().id);
    else
        flow.setSubject(QStringLiteral("Typed until killed"));

    QString text = flow.description();
    say("ready " + QByteArray::number(text.size()));
    QElapsedTimer clock;
    clock.start();

    QTimer typing;
    typing.setTimerType(Qt::PreciseTimer);
    typing.setInterval(20); // 50 keystrokes a second: a fast typist, twice over
    QObject::connect(&typing, &QTimer::timeout, &app, [&] {
        text.append(charAt(int(text.size())));
        flow.setDescription(text);
        say("T " + QByteArray::number(text.size()) + ' ' + QByteArray::number(clock.elapsed()));
    });
    typing.start();

    int queued = 0;
    QTimer queueing;
    queueing.setSingleShot(true);
    QObject::connect(&queueing, &QTimer::timeout, &app, [&] {
        const QString body = QStringLiteral("crash item %1-%2").arg(round).arg(++queued);
        QString why;
        const qint64 id = outbox.enqueueComment(QStringLiteral("t-crash"),
                                                body,
                                                QStringLiteral("Typed until killed"),
                                                &why);
        if (id > 0)
            say("Q " + QByteArray::number(id) + ' ' + body.toUtf8());
        else
            std::fprintf(stderr, "enqueue failed: %s\n", qPrintable(why));
        queueing.start(int(QRandomGenerator::global()->bounded(30, 150)));
    });
    queueing.start(int(QRandomGenerator::global()->bounded(0, 100)));

    return app.exec();
}
