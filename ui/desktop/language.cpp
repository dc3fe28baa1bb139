#include "desktop/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>

namespace Ankra::Ui::Language {

namespace {

class PseudoTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char *context,
                      const char *sourceText,
                      const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        // Key sequences are parsed from translated text: leave them alone.
        if (!sourceText || qstrcmp(context, "QShortcut") == 0
            || qstrcmp(context, "QKeySequence") == 0)
            return {};
        return pseudo(QString::fromUtf8(sourceText));
    }
};

QChar accented(QChar c)
{
    static const QString plain = QStringLiteral("aeiouAEIOUcnsyzCNSYZ");
    static const QString marked = QStringLiteral("áéîõüÁÉÎÕÜçñšýžÇÑŠÝŽ");
    const qsizetype i = plain.indexOf(c);
    return i < 0 ? c : marked.at(i);
}

} // namespace

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("de")};
}

QString resolve(const QString &option, const QString &setting)
{
    QString choice = option;
    if (choice.isEmpty())
        choice = qEnvironmentVariable("ANKRA_LANG");
    if (choice.isEmpty())
        choice = setting;
    if (choice.isEmpty())
        choice = QLocale().name();
    choice = choice.toLower();
    if (choice == QLatin1String("pseudo"))
        return choice;
    for (const QString &code : available()) {
        if (choice == code || choice.startsWith(code + QLatin1Char('_'))
            || choice.startsWith(code + QLatin1Char('-')))
            return code;
    }
    return QStringLiteral("en");
}

QString pseudo(const QString &source)
{
    // Accents outside markup, entities, placeholders (%1, %n) and mnemonics; then the text
    // twice, so it is longer than the longest real translation (German runs ~30 % longer).
    static const QRegularExpression kept(QStringLiteral("<[^>]*>|&[A-Za-z#0-9]+;|%[0-9n]|&."));
    QString out;
    out.reserve(source.size() * 2 + 1);
    qsizetype pos = 0;
    auto it = kept.globalMatch(source);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        for (; pos < m.capturedStart(); ++pos)
            out += accented(source.at(pos));
        out += m.captured();
        pos = m.capturedEnd();
    }
    for (; pos < source.size(); ++pos)
        out += accented(source.at(pos));
    // One mnemonic per text: drop it from the copy.
    static const QRegularExpression mnemonic(QStringLiteral("&(?![A-Za-z#0-9]+;)(?=[^&\\s])"));
    QString copy = out;
    copy.remove(mnemonic);
    return out + QLatin1Char(' ') + copy;
}

bool install(QCoreApplication *app, const QString &language)
{
    if (language == QLatin1String("pseudo")) {
        app->installTranslator(new PseudoTranslator(app));
        return true;
    }
    const QLocale locale(language);
    auto *qt = new QTranslator(app);
    if (qt->load(locale,
                 QStringLiteral("qtbase"),
                 QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(app);
    if (!own->load(QStringLiteral(":/i18n/ankra_%1.qm").arg(language))) {
        delete own;
        return false;
    }
    app->installTranslator(own);
    // Dates and numbers follow the chosen language; the system's own regional variant
    // (en_GB, de_AT) is kept when it already speaks it.
    if (QLocale().language() != locale.language())
        QLocale::setDefault(locale);
    return true;
}

} // namespace Ankra::Ui::Language
