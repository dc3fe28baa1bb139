// The translations are complete and current: no German message is unfinished or empty, the
// English plural forms are filled, placeholders survive translation, and the .ts files hold
// exactly the messages that lupdate finds in the sources today (run over a temporary copy).
// When this fails: translations/update.sh, then fill the listed German strings.

#include "desktop/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // "", "unfinished", "vanished", "obsolete"
    QStringList translations;

    QString key() const
    {
        return context + QLatin1String(" | ") + source + QLatin1String(" | ") + comment;
    }
    bool active() const
    {
        return type != QLatin1String("vanished") && type != QLatin1String("obsolete");
    }
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{};
            current.context = context;
            current.numerus = xml.attributes().value(QLatin1String("numerus"))
                              == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!current.numerus)
                current.translations.append(xml.readElementText());
            else {
                while (xml.readNextStartElement())
                    current.translations.append(xml.readElementText());
            }
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QStringList unfinished(const QList<Message> &messages)
{
    QStringList out;
    for (const Message &m : messages) {
        if (!m.active())
            continue;
        bool empty = m.translations.isEmpty();
        for (const QString &t : m.translations)
            empty = empty || t.trimmed().isEmpty();
        if (m.type == QLatin1String("unfinished") || empty)
            out.append(QStringLiteral("[%1] %2").arg(m.context, m.source));
    }
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d+|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(1));
    return found;
}

QString tsPath(const QString &name)
{
    return QStringLiteral(ANKRA_SOURCE_DIR "/translations/") + name;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private:
    void checkComplete(const QString &name)
    {
        QString error;
        const QList<Message> messages = readTs(tsPath(name), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        const QStringList open = unfinished(messages);
        for (const QString &m : open)
            qWarning().noquote() << name << "unfinished:" << m;
        QVERIFY2(open.isEmpty(),
                 qPrintable(QStringLiteral("%1 unfinished message(s) in %2; fill them (see "
                                           "translations/update.sh)")
                                .arg(open.size())
                                .arg(name)));
    }

private slots:
    void germanIsComplete() { checkComplete(QStringLiteral("ankra_de.ts")); }
    void englishPluralsAreComplete() { checkComplete(QStringLiteral("ankra_en.ts")); }

    void placeholdersSurvive()
    {
        QString error;
        const QList<Message> messages = readTs(tsPath(QStringLiteral("ankra_de.ts")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList broken;
        for (const Message &m : messages) {
            if (!m.active() || m.type == QLatin1String("unfinished"))
                continue;
            QSet<QString> wanted = placeholders(m.source);
            for (const QString &t : m.translations) {
                QSet<QString> got = placeholders(t);
                // A plural form may spell out the number ("ein Ticket") instead of %n.
                if (m.numerus) {
                    wanted.remove(QStringLiteral("n"));
                    got.remove(QStringLiteral("n"));
                }
                if (got != wanted)
                    broken.append(QStringLiteral("[%1] %2 -> %3").arg(m.context, m.source, t));
            }
        }
        for (const QString &b : broken)
            qWarning().noquote() << "placeholders differ:" << b;
        QVERIFY2(broken.isEmpty(), "a translation lost or added a %-placeholder");
    }

    void tsFilesAreUpToDate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        struct Run
        {
            QString file;
            QStringList extra;
        };
        const QList<Run> runs{
            {QStringLiteral("ankra_de.ts"),
             {QStringLiteral("-target-language"), QStringLiteral("de")}},
            {QStringLiteral("ankra_en.ts"),
             {QStringLiteral("-pluralonly"),
              QStringLiteral("-target-language"),
              QStringLiteral("en")}},
        };
        QStringList problems;
        for (const Run &run : runs) {
            const QString copy = dir.filePath(run.file);
            QVERIFY(QFile::copy(tsPath(run.file), copy));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            // The same options as translations/update.sh.
            QStringList args{QStringLiteral("-silent"),
                             QStringLiteral("-locations"),
                             QStringLiteral("none"),
                             QStringLiteral("-no-obsolete"),
                             QStringLiteral("-source-language"),
                             QStringLiteral("en")};
            args += run.extra;
            args += {QStringLiteral(ANKRA_SOURCE_DIR "/app"),
                     QStringLiteral(ANKRA_SOURCE_DIR "/ui"),
                     QStringLiteral("-ts"),
                     copy};
            QProcess lupdate;
            lupdate.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            lupdate.start(QStringLiteral(ANKRA_LUPDATE), args);
            QVERIFY2(lupdate.waitForFinished(90'000), "lupdate did not finish");
            QCOMPARE(lupdate.exitCode(), 0);

            QString error;
            QSet<QString> committed, current;
            for (const Message &m : readTs(tsPath(run.file), &error))
                if (m.active())
                    committed.insert(m.key());
            QVERIFY2(error.isEmpty(), qPrintable(error));
            for (const Message &m : readTs(copy, &error))
                if (m.active())
                    current.insert(m.key());
            QVERIFY2(error.isEmpty(), qPrintable(error));
            for (const QString &k : current - committed)
                problems.append(run.file + QStringLiteral(": new in the sources: ") + k);
            for (const QString &k : committed - current)
                problems.append(run.file + QStringLiteral(": gone from the sources: ") + k);
        }
        for (const QString &p : problems)
            qWarning().noquote() << p;
        QVERIFY2(problems.isEmpty(),
                 "the .ts files are out of date: run translations/update.sh and translate");
    }

    void languageChoice()
    {
        qunsetenv("ANKRA_LANG");
        using Ankra::Ui::Language::resolve;
        QCOMPARE(resolve(QString(), QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(resolve(QStringLiteral("en"), QStringLiteral("de")), QStringLiteral("en"));
        QCOMPARE(resolve(QStringLiteral("de_AT"), QString()), QStringLiteral("de"));
        QCOMPARE(resolve(QStringLiteral("fr"), QString()), QStringLiteral("en"));
        QCOMPARE(resolve(QStringLiteral("pseudo"), QString()), QStringLiteral("pseudo"));
        qputenv("ANKRA_LANG", "de");
        QCOMPARE(resolve(QString(), QStringLiteral("en")), QStringLiteral("de"));
        qunsetenv("ANKRA_LANG");
    }

    void pseudoKeepsMarkupPlaceholdersAndOneMnemonic()
    {
        const QString out = Ankra::Ui::Language::pseudo(
            QStringLiteral("&Server %1 of %n <b>bold</b> &amp; more"));
        QVERIFY(out.size() > 2 * 30);
        QCOMPARE(out.count(QStringLiteral("%1")), 2);
        QCOMPARE(out.count(QStringLiteral("%n")), 2);
        QCOMPARE(out.count(QStringLiteral("<b>")), 2);
        QCOMPARE(out.count(QStringLiteral("&amp;")), 2);
        QCOMPARE(out.count(QStringLiteral("&S")), 1);     // one mnemonic, not two
        QVERIFY(!out.contains(QStringLiteral("Server"))); // accented
    }

    void germanLoadsFromResources()
    {
        // The build compiled the .ts files into the resources of ankra_ui.
        QTranslator de;
        QVERIFY(de.load(QStringLiteral(":/i18n/ankra_de.qm")));
        QCOMPARE(de.translate("Ankra::Ui::MainWindow", "New ticket"),
                 QStringLiteral("Neues Ticket"));
        QTranslator en;
        QVERIFY(en.load(QStringLiteral(":/i18n/ankra_en.qm")));
        QCOMPARE(en.translate("Ankra::Ui::MainWindow", "%n ticket(s)", nullptr, 1),
                 QStringLiteral("%n ticket"));
        QCOMPARE(en.translate("Ankra::Ui::MainWindow", "%n ticket(s)", nullptr, 3),
                 QStringLiteral("%n tickets"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
