#include "desktop/startup.h"

#include "desktop/language.h"
#include "desktop/palette.h"

#include "settings/appsettings.h"

#include <QApplication>
#include <QSettings>

namespace Ankra::Ui::Startup {

namespace {
// The value of --name=value or --name value (also -name), or an empty string.
QString argumentValue(const QStringList &arguments, const QString &name)
{
    const QStringList prefixes{QStringLiteral("--") + name, QStringLiteral("-") + name};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == QLatin1String("--"))
            break;
        for (const QString &prefix : prefixes) {
            if (arg == prefix && i + 1 < arguments.size())
                return arguments.at(i + 1);
            if (arg.startsWith(prefix + QLatin1Char('=')))
                return arg.mid(prefix.size() + 1);
        }
    }
    return {};
}
} // namespace

QList<QCommandLineOption> options()
{
    return {
        QCommandLineOption(QStringLiteral("lang"),
                           QCoreApplication::translate("main",
                                                       "Language: en or de (default: the "
                                                       "setting, else the system language)."),
                           QStringLiteral("code")),
        QCommandLineOption(QStringLiteral("palette"),
                           QCoreApplication::translate("main",
                                                       "Use a light or dark palette instead of "
                                                       "the system colours."),
                           QStringLiteral("light|dark")),
    };
}

QString applyLanguageAndPalette(QApplication *app)
{
    const QStringList arguments = QCoreApplication::arguments();
    QSettings settings;
    const QString language = Language::resolve(argumentValue(arguments, QStringLiteral("lang")),
                                               Settings::AppSettings(&settings).language());
    Language::install(app, language);
    QString palette = argumentValue(arguments, QStringLiteral("palette"));
    if (palette.isEmpty())
        palette = qEnvironmentVariable("ANKRA_PALETTE");
    if (!palette.isEmpty())
        Appearance::applyPalette(app, palette);
    return language;
}

} // namespace Ankra::Ui::Startup
