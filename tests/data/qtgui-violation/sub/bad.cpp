// Planted violation for the app_has_no_qtgui_detects_violation test: the scan must reject it.
#include <QColor>
