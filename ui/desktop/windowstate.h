#pragma once

// Restores and saves the main window's layout through AppSettings: geometry, splitter sizes,
// the ticket list's column widths, order, sort and hidden columns, and the last selected view.
// Finds the parts by their objectNames so the windows need no settings code. The token is never
// part of it.

#include <QSize>
#include <QString>

class QWidget;

namespace Ankra::Settings {
class AppSettings;
}

namespace Ankra::Ui::WindowState {

// The size of a window at its first start (nothing saved) on a screen with `available` room:
// its default size, grown with a large screen (to 85 % of it, at most 1800 x 1100: the ticket
// list's subject column gets the room) and never larger than the screen.
QSize firstStartSize(QSize defaultSize, QSize available);

// `group` prefixes every key, so another window (the staff window: "staff/") keeps its own.
void restore(QWidget *mainWindow,
             const Settings::AppSettings &settings,
             const QString &group = QString());
void save(const QWidget *mainWindow,
          Settings::AppSettings *settings,
          const QString &group = QString());

} // namespace Ankra::Ui::WindowState
