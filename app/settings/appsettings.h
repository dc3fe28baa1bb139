#pragma once

// The typed table of user preferences and window state, over an injected QSettings (main.cpp
// owns it). Widgets read and write preferences through this class, never through QSettings.
// The keys are stable and read by other parts of the app:
//   ui/language                  "" (system), "en", "de"
//   updates/pollIntervalSeconds  int, clamped to [MinPollSeconds, MaxPollSeconds]
//   notifications/enabled        bool
//   cache/maxMegabytes           int, clamped to [MinCacheMegabytes, MaxCacheMegabytes]
//   window/*                     opaque geometry and layout blobs, the last selected view
// Secrets (tokens) are never settings. changed() is emitted by the setters when a
// preference (not window state) takes a new value. GUI thread only.

#include <QByteArray>
#include <QObject>
#include <QString>

class QSettings;

namespace Ankra::Settings {

class AppSettings : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultPollSeconds = 60;
    static constexpr int MinPollSeconds = 15;
    static constexpr int MaxPollSeconds = 3600;
    static constexpr int DefaultCacheMegabytes = 200;
    static constexpr int MinCacheMegabytes = 10;
    static constexpr int MaxCacheMegabytes = 10'000;

    explicit AppSettings(QSettings *settings, QObject *parent = nullptr);

    QString language() const;
    void setLanguage(const QString &language);
    int pollIntervalSeconds() const;
    void setPollIntervalSeconds(int seconds);
    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    int cacheMaxMegabytes() const;
    void setCacheMaxMegabytes(int megabytes);

    // Window state: opaque blobs from QWidget/QSplitter/QHeaderView::saveState().
    QByteArray windowState(const QString &name) const;
    void setWindowState(const QString &name, const QByteArray &state);
    int lastView() const; // -1: none stored
    void setLastView(int row);

    void sync();

signals:
    void changed();

private:
    QSettings *m_settings;
};

} // namespace Ankra::Settings
