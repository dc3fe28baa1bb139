#pragma once

// What main.cpp does before anything is shown: the language (--lang, $ANKRA_LANG, the
// ui/language setting, the system locale) and the palette (--palette, $ANKRA_PALETTE). Read
// from the raw arguments because --help must already be translated when the parser prints it.

#include <QCommandLineOption>
#include <QList>

class QApplication;

namespace Ankra::Ui::Startup {

// --lang and --palette, for the command-line parser (so --help lists them).
QList<QCommandLineOption> options();
// Installs the translators and the palette. Returns the language in use.
QString applyLanguageAndPalette(QApplication *app);

} // namespace Ankra::Ui::Startup
