#pragma once

// `--palette dark|light` (or $ANKRA_PALETTE): the Fusion style with a fixed palette. For
// screenshots and for desktops whose dark theme does not reach Qt; without it the app follows
// the platform theme.

#include <QString>

class QApplication;

namespace Ankra::Ui::Appearance {

// Returns false for an unknown name (the app keeps the system look).
bool applyPalette(QApplication *app, const QString &name);

} // namespace Ankra::Ui::Appearance
