#pragma once

// Which language the app speaks, and the translators that make it so. The .qm files are built
// from translations/*.ts into the resources under :/i18n. Qt's own strings (dialog buttons)
// come from the system's Qt translations when they are installed.
//
// "pseudo" is a pseudo-locale for testing layouts: every string comes back accented and
// doubled, so text that is cut off or elided shows up in screenshots and in tst_accessibility.

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Ankra::Ui::Language {

// The languages the app ships, as codes ("en", "de").
QStringList available();
// Explicit choice (--lang, else $ANKRA_LANG), else the setting, else the system locale.
// Unknown codes fall back to "en"; "pseudo" is kept.
QString resolve(const QString &option, const QString &setting);
// Installs the translators for `language` (a code from resolve()) into the application;
// returns false when the app's own .qm for it is missing.
bool install(QCoreApplication *app, const QString &language);
// The pseudo-locale transformation (exposed for tests).
QString pseudo(const QString &source);

} // namespace Ankra::Ui::Language
