#include "settings/appsettings.h"

#include <QSettings>

#include <algorithm>

namespace Ankra::Settings {

namespace {
const QString LanguageKey = QStringLiteral("ui/language");
const QString PollKey = QStringLiteral("updates/pollIntervalSeconds");
const QString NotificationsKey = QStringLiteral("notifications/enabled");
const QString CacheKey = QStringLiteral("cache/maxMegabytes");
const QString LastViewKey = QStringLiteral("window/lastView");
} // namespace

AppSettings::AppSettings(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{}

QString AppSettings::language() const
{
    const QString value = m_settings->value(LanguageKey).toString();
    return value == QLatin1String("en") || value == QLatin1String("de") ? value : QString();
}

void AppSettings::setLanguage(const QString &language)
{
    if (language == this->language())
        return;
    if (language.isEmpty())
        m_settings->remove(LanguageKey);
    else
        m_settings->setValue(LanguageKey, language);
    emit changed();
}

int AppSettings::pollIntervalSeconds() const
{
    bool ok = false;
    const int value = m_settings->value(PollKey).toInt(&ok);
    return ok ? std::clamp(value, MinPollSeconds, MaxPollSeconds) : DefaultPollSeconds;
}

void AppSettings::setPollIntervalSeconds(int seconds)
{
    seconds = std::clamp(seconds, MinPollSeconds, MaxPollSeconds);
    if (seconds == pollIntervalSeconds() && m_settings->contains(PollKey))
        return;
    m_settings->setValue(PollKey, seconds);
    emit changed();
}

bool AppSettings::notificationsEnabled() const
{
    return m_settings->value(NotificationsKey, true).toBool();
}

void AppSettings::setNotificationsEnabled(bool enabled)
{
    if (enabled == notificationsEnabled() && m_settings->contains(NotificationsKey))
        return;
    m_settings->setValue(NotificationsKey, enabled);
    emit changed();
}

int AppSettings::cacheMaxMegabytes() const
{
    bool ok = false;
    const int value = m_settings->value(CacheKey).toInt(&ok);
    return ok ? std::clamp(value, MinCacheMegabytes, MaxCacheMegabytes) : DefaultCacheMegabytes;
}

void AppSettings::setCacheMaxMegabytes(int megabytes)
{
    megabytes = std::clamp(megabytes, MinCacheMegabytes, MaxCacheMegabytes);
    if (megabytes == cacheMaxMegabytes() && m_settings->contains(CacheKey))
        return;
    m_settings->setValue(CacheKey, megabytes);
    emit changed();
}

QByteArray AppSettings::windowState(const QString &name) const
{
    return m_settings->value(QStringLiteral("window/") + name).toByteArray();
}

void AppSettings::setWindowState(const QString &name, const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/") + name, state);
}

int AppSettings::lastView() const
{
    bool ok = false;
    const int row = m_settings->value(LastViewKey).toInt(&ok);
    return ok && row >= 0 ? row : -1;
}

void AppSettings::setLastView(int row)
{
    m_settings->setValue(LastViewKey, row);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace Ankra::Settings
