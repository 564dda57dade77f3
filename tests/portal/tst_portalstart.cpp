// The portal as people start it: the knotie-portal program loads its first stage, which shows
// the sign-in dialog and then loads the rest (knotie-portal-main), each from beside it or from
// the library folder (app/stages.h).
#include "testconfig.h"
#include "tests/support/gatewayprocess.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace knotie::test;

class TestPortalStart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_gateway.start());
    }

    // Signing in, the main window and its pages all live in the second stage: a screenshot
    // of the API Keys page means it was loaded and took over the dialog.
    void signsInThroughTheSecondStage() {
        QTemporaryDir home;
        const QString shot = home.filePath(QStringLiteral("keys.png"));
        QProcess portal;
        portal.setProcessEnvironment(environment(home.path()));
        portal.start(QStringLiteral(KNOTIE_PORTAL_BINARY),
                     signInArguments() << QStringLiteral("--page") << QStringLiteral("api-keys")
                                       << QStringLiteral("--screenshot") << shot);
        QVERIFY(portal.waitForFinished(60000));
        QVERIFY2(portal.exitStatus() == QProcess::NormalExit && portal.exitCode() == 0,
                 portal.readAllStandardError().constData());
        const QImage image(shot);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 600);
    }

    // A second start hands over to the portal already running and quits, without Qt Network:
    // the first stage asks over a plain socket where the second stage listens.
    void aSecondStartHandsOverToTheFirst() {
        QTemporaryDir home;
        QProcess first;
        first.setProcessEnvironment(environment(home.path()));
        first.start(QStringLiteral(KNOTIE_PORTAL_BINARY), signInArguments());
        QVERIFY(first.waitForStarted());
        // Listening starts once the second stage is loaded.
        const QDir temp(home.path());
        QVERIFY(QTest::qWaitFor(
            [&] { return !temp.entryList({QStringLiteral("knotie-portal-*")}, QDir::System).isEmpty(); },
            30000));

        QProcess second;
        second.setProcessEnvironment(environment(home.path()));
        second.start(QStringLiteral(KNOTIE_PORTAL_BINARY), {});
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);
        QCOMPARE(first.state(), QProcess::Running);
        first.terminate();
        QVERIFY(first.waitForFinished(30000));
    }

private:
    QProcessEnvironment environment(const QString &home) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("TMPDIR"), home); // where the single-instance socket goes
        env.insert(QStringLiteral("KNOTIE_PASSWORD"), QStringLiteral("knotie-demo"));
        return env;
    }

    QStringList signInArguments() const {
        return {QStringLiteral("--gateway"), m_gateway.baseUrl().toString(), QStringLiteral("--email"),
                QStringLiteral("owner@demo.test"), QStringLiteral("--sign-in")};
    }

    GatewayProcess m_gateway;
};

QTEST_MAIN(TestPortalStart)
#include "tst_portalstart.moc"
