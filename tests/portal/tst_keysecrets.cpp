#include "models/items/itemroles.h"
#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "models/secrets/keysecrets.h"
#include "models/sync/synccontroller.h"
#include "models/workspace/workspace.h"
#include "tests/portal/apikeyspagefixture.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/screenshots.h"
#include "ui/keys/createkeydialog.h"
#include "ui/keys/keyactions.h"
#include "ui/keys/secretrevealdialog.h"
#include "ui/pages/apikeyspage.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QLineEdit>
#include <QPointer>
#include <QTest>
#include <QUuid>

using namespace knotie;
using namespace knotie::test;

namespace {
// The labels of the Secret Service items QtKeychain stored under `entryKey`, read over D-Bus as
// a keychain manager (Seahorse, KeePassXC's Secret Service) reads them. Plain method calls,
// not QDBusInterface: its introspection leaks in Qt 6.4 (QDBusMetaObject::createMetaObject,
// seen by LeakSanitizer and valgrind).
QStringList secretServiceLabels(const QString &entryKey) {
    const QString service = QStringLiteral("org.freedesktop.secrets");
    QDBusMessage search = QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/secrets"),
                                                         QStringLiteral("org.freedesktop.Secret.Service"),
                                                         QStringLiteral("SearchItems"));
    search << QVariant::fromValue(QMap<QString, QString>{{QStringLiteral("user"), entryKey}});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(search);
    QStringList labels;
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2) {
        qWarning() << "SearchItems failed:" << reply.errorMessage();
        return labels;
    }
    for (int i = 0; i < 2; ++i) // unlocked, then locked items
        for (const QDBusObjectPath &path : qdbus_cast<QList<QDBusObjectPath>>(reply.arguments().at(i))) {
            QDBusMessage get = QDBusMessage::createMethodCall(
                service, path.path(), QStringLiteral("org.freedesktop.DBus.Properties"),
                QStringLiteral("Get"));
            get << QStringLiteral("org.freedesktop.Secret.Item") << QStringLiteral("Label");
            const QDBusMessage label = QDBusConnection::sessionBus().call(get);
            if (label.type() == QDBusMessage::ReplyMessage && !label.arguments().isEmpty())
                labels.append(qdbus_cast<QDBusVariant>(label.arguments().constFirst()).variant().toString());
        }
    return labels;
}
} // namespace

// Key secrets saved to the real Secret Service (gnome-keyring in the test's D-Bus session):
// labelled so people find them, marked in the key table, copied back with the clipboard that
// clears itself, and removed when the key is revoked.
class TestKeySecrets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        prepareKeysPageTests();
        qDBusRegisterMetaType<QMap<QString, QString>>();
        QVERIFY(m_gateway.start());
        m_owner = m_gateway.signIn(QStringLiteral("owner@demo.test"));
        QVERIFY(!m_owner.isEmpty());
    }

    void savedSecret_isLabelledMarkedCopiedAndRemovedWhenRevoked() {
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"), {.keychain = true});
        QVERIFY(f.ready());
        f.page->resize(1300, 600);
        const QString name =
            QStringLiteral("N8N Production %1").arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
        f.page->actions()->create->trigger();
        QPointer<CreateKeyDialog> dialog = f.page->findChild<CreateKeyDialog *>();
        QVERIFY(dialog);
        dialog->setName(name);
        dialog->accept();
        QPointer<SecretRevealDialog> reveal;
        QVERIFY(QTest::qWaitFor([&] { return (reveal = f.page->findChild<SecretRevealDialog *>()); }, 10000));
        const QString secret = reveal->findChild<QLineEdit *>(QStringLiteral("secret"))->text();
        auto *save = reveal->findChild<QCheckBox *>(QStringLiteral("saveToKeychain"));
        QVERIFY(save->isVisible());
        save->setChecked(true);
        reveal->accept();
        QTRY_VERIFY_WITH_TIMEOUT(reveal.isNull(), 15000); // closes once the keychain has it
        QTRY_COMPARE_WITH_TIMEOUT(f.selected().size(), 1, 5000);
        const ApiKey key = f.selected().first();
        QCOMPARE(key.name, name);

        // The entry's label says what it is.
        const QString label = QStringLiteral("Knotie — %1 (%2) — Demo Agency").arg(name, key.maskedSecret());
        const QString entryKey =
            SecretStore::scopedKey(m_gateway.baseUrl(), QStringLiteral("owner@demo.test"), key.id);
        QCOMPARE(secretServiceLabels(entryKey), QStringList{label});

        // The table marks the key.
        const QModelIndex cell =
            f.workspace.keyModel()->indexFromKey(key.id, f.page->proxy()).siblingAtColumn(KeyTableModel::Key);
        QVERIFY(cell.data(SavedSecretRole).toBool());
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(label));
        QVERIFY(grabForDocs(f.page, QStringLiteral("key-table-saved-secret")));

        // Copied back from the keychain, onto the clipboard that clears itself.
        KeyCommand *copy = f.page->actions()->copySecret;
        QVERIFY(copy->isEnabled());
        QApplication::clipboard()->clear();
        copy->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(QApplication::clipboard()->text(), secret, 15000);
        QVERIFY(f.clipboard.secondsLeft() > 0);
        f.clipboard.clearIfUnchanged();

        // Revoked elsewhere: the next sync finds it, and the entry goes.
        QCOMPARE(
            m_gateway
                .request("DELETE", QStringLiteral("/v1/keys/") + key.id, {}, GatewayProcess::bearer(m_owner))
                .status,
            200);
        f.workspace.sync()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!f.workspace.keySecrets()->has(key.id), 20000);
        QVERIFY(secretServiceLabels(entryKey).isEmpty());
        QVERIFY(!f.workspace.keyModel()
                     ->index(f.workspace.keyModel()->rowOf(key.id), KeyTableModel::Key)
                     .data(SavedSecretRole)
                     .toBool());
    }

    // A key whose secret was never saved offers no copy.
    void unsavedKey_offersNoCopy() {
        const CreatedKey key = createReadOnlyKey(m_gateway, m_owner, QStringLiteral("Never Saved"));
        KeysPageFixture f(m_gateway, QStringLiteral("owner@demo.test"), {.keychain = true});
        QVERIFY(f.ready(key.id));
        f.page->selectKeys({key.id});
        QCOMPARE(f.selected().size(), 1);
        QVERIFY(!f.page->actions()->copySecret->isEnabled());
        QVERIFY(f.page->actions()->copyId->isEnabled());
    }

private:
    GatewayProcess m_gateway;
    QByteArray m_owner;
};

QTEST_MAIN(TestKeySecrets)
#include "tst_keysecrets.moc"
