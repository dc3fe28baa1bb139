// The typed settings table: the documented keys (read by other parts of the app), defaults,
// clamping, and changed() only for real changes.

#include "settings/appsettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Ankra::Settings::AppSettings;

class TestAppSettings : public QObject
{
    Q_OBJECT
private slots:
    void defaultsAndKeys()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        {
            QSettings raw(path, QSettings::IniFormat);
            AppSettings s(&raw);
            QCOMPARE(s.language(), QString());
            QCOMPARE(s.pollIntervalSeconds(), AppSettings::DefaultPollSeconds);
            QVERIFY(s.notificationsEnabled());
            QCOMPARE(s.cacheMaxMegabytes(), AppSettings::DefaultCacheMegabytes);
            QCOMPARE(s.lastView(), -1);

            QSignalSpy changed(&s, &AppSettings::changed);
            s.setLanguage(QStringLiteral("de"));
            s.setPollIntervalSeconds(5); // clamped
            s.setNotificationsEnabled(false);
            s.setCacheMaxMegabytes(500);
            QCOMPARE(changed.count(), 4);
            s.setLanguage(QStringLiteral("de")); // no change, no signal
            QCOMPARE(changed.count(), 4);
            s.setLastView(3);
            s.setWindowState(QStringLiteral("geometry"), QByteArray("\x01\x02", 2));
            s.sync();
        }
        QSettings raw(path, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("ui/language")).toString(), QStringLiteral("de"));
        QCOMPARE(raw.value(QStringLiteral("updates/pollIntervalSeconds")).toInt(),
                 AppSettings::MinPollSeconds);
        QCOMPARE(raw.value(QStringLiteral("notifications/enabled")).toBool(), false);
        QCOMPARE(raw.value(QStringLiteral("cache/maxMegabytes")).toInt(), 500);
        AppSettings again(&raw);
        QCOMPARE(again.lastView(), 3);
        QCOMPARE(again.windowState(QStringLiteral("geometry")), QByteArray("\x01\x02", 2));
    }

    void badValuesAreIgnored()
    {
        QTemporaryDir dir;
        QSettings raw(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        raw.setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
        raw.setValue(QStringLiteral("updates/pollIntervalSeconds"), QStringLiteral("often"));
        raw.setValue(QStringLiteral("cache/maxMegabytes"), 1'000'000);
        AppSettings s(&raw);
        QCOMPARE(s.language(), QString());
        QCOMPARE(s.pollIntervalSeconds(), AppSettings::DefaultPollSeconds);
        QCOMPARE(s.cacheMaxMegabytes(), AppSettings::MaxCacheMegabytes);
        QSignalSpy changed(&s, &AppSettings::changed);
        s.setLanguage(QString()); // "klingon" reads as the system default already
        QCOMPARE(changed.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
