#pragma once

// One running app per user and data directory. The first launch listens on a QLocalServer;
// a later launch connects, hands over its arguments (e.g. an ankra-support:// link) and exits.
//
// Contract: construct with a server name (serverNameFor() in the app, any unique name in
// tests). Call handOver() first: true means a running instance took the arguments and the
// caller should exit 0. Otherwise call listen(); argumentsReceived() is then emitted on the
// owner's thread for each later launch. handOver() blocks for at most `timeoutMs` (it runs
// before the event loop starts, like any single-application guard). Not thread-safe.

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace Ankra::Instance {

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // A name unique for this user and this data directory (two data dirs, two instances).
    static QString serverNameFor(const QString &dataDir);

    QString serverName() const { return m_serverName; }
    bool handOver(const QStringList &arguments, int timeoutMs = 3000);
    // Removes a stale socket left by a crashed instance (nobody answered handOver()).
    bool listen(QString *error = nullptr);
    bool isListening() const;

signals:
    void argumentsReceived(const QStringList &arguments);

private:
    void acceptConnections();
    void readMessage(QLocalSocket *socket);

    QString m_serverName;
    QLocalServer *m_server = nullptr;
};

} // namespace Ankra::Instance
