#include "models/secrets/secretstore.h"
#include "models/session/session.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace knotie;

namespace {
const QByteArray secret = "kn_pk_0123456789ABCDEFGHIJabcdefghijKLmnopqr";

// The child: one keychain write with no D-Bus session at all. Exit code 0 when the
// failure was reported (not ok, a sentence for the person), 1 otherwise.
const QByteArray token = "session-token-0123456789abcdefghij";

int childMain(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    SecretStore store(QStringLiteral("knotie-portal-test"));
    store.setWatchdogInterval(20000);
    int code = 1;
    QObject context;
    store.write(SecretStore::scopedKey(QUrl(QStringLiteral("http://127.0.0.1:8787")),
                                       QStringLiteral("owner@demo.test"), QStringLiteral("api-key")),
                secret, &context, [&code](const SecretStore::Result &r) {
                    std::printf("ok=%d error=%s\n", r.ok, qPrintable(r.error));
                    code = !r.ok && !r.error.isEmpty() ? 0 : 1;
                    QCoreApplication::quit();
                });
    app.exec();
    if (code != 0)
        return code;

    // "Keep me signed in" without a keychain: the person is told, the token stays in memory.
    Session session(nullptr, &store);
    code = 1;
    QObject::connect(&session, &Session::notice, &context, [&code](const QString &message) {
        std::printf("notice=%s\n", qPrintable(message));
        code = 0;
        QCoreApplication::quit();
    });
    Account account;
    account.user = {QStringLiteral("usr_1"), QStringLiteral("Maya Lindqvist"),
                    QStringLiteral("owner@demo.test")};
    session.begin({QUrl(QStringLiteral("http://127.0.0.1:8787")), token, account, true});
    app.exec();
    return session.isSignedIn() ? code : 1;
}
} // namespace

class TestSecretStoreNoBus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withoutDBusSession_failureReported_nothingWrittenToDisk() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-such-bus")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        // Wherever a fallback could write, it would write inside this folder.
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("run")));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--keychain-child")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray out = child.readAllStandardOutput();
        QVERIFY2(child.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("keychain"), out.constData()); // the person is told
        QVERIFY2(out.contains("You stay signed in until you quit"), out.constData());
        QVERIFY(!out.contains(secret) && !out.contains(token));

        QDirIterator files(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            QVERIFY2(!content.contains(secret.mid(6, 32)) && !content.contains(token),
                     qPrintable(f.fileName()));
        }
    }
};

int main(int argc, char **argv) {
    if (argc > 1 && qstrcmp(argv[1], "--keychain-child") == 0)
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    TestSecretStoreNoBus test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstorenobus.moc"
