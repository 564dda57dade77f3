#pragma once

#include "models/items/keyfilterproxy.h"
#include "models/items/keytablemodel.h"
#include "tests/support/gatewayprocess.h"
#include "tests/support/portalfixture.h"
#include "tests/support/portaltranslation.h"
#include "ui/keys/secretrevealdialog.h"
#include "ui/pages/apikeyspage.h"

#include <QItemSelectionModel>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTableView>

namespace knotie::test {

// What the API Keys page tests share: the page built alone on a PortalFixture's person,
// shown, and the keys selected in its table.
class KeysPageFixture : public PortalFixture {
public:
    KeysPageFixture(const GatewayProcess &gateway, const QString &email, Options options = {})
        : PortalFixture(gateway, email, options) {
        if (!signedIn())
            return;
        page = new ApiKeysPage(context());
        page->show();
    }
    ~KeysPageFixture() { delete page; }
    KeysPageFixture(const KeysPageFixture &) = delete;
    KeysPageFixture &operator=(const KeysPageFixture &) = delete;

    QList<ApiKey> selected() const {
        QList<ApiKey> keys;
        for (const QModelIndex &i : page->table()->selectionModel()->selectedRows())
            keys.append(workspace.keyModel()->keyAt(page->proxy()->mapToSource(i).row()));
        return keys;
    }

    ApiKeysPage *page = nullptr;
};

// Whether a dialog the test accepted has gone from the screen (closed, or deleted on close).
// Through a raw pointer: GCC's -Wnull-dereference misreads the QPointer test inlined in a QTRY loop.
inline bool closedOrDeleted(const QWidget *dialog) {
    return !dialog || !dialog->isVisible();
}

// The settings every API Keys page test starts from: test paths, the portal's
// translation, and a secret's "discard?" question answered yes.
inline void prepareKeysPageTests() {
    QStandardPaths::setTestModeEnabled(true);
    installPortalTranslation();
    setConfirmDiscardFunction([](QWidget *) { return true; });
}

struct CreatedKey {
    QString id;
    QByteArray secret;
};

// A read-only key made through the gateway's own route, as `owner` (a bearer token).
inline CreatedKey createReadOnlyKey(const GatewayProcess &gateway, const QByteArray &owner,
                                    const QString &name) {
    const HttpReply reply = gateway.postJson(
        QStringLiteral("/v1/keys"),
        {{QStringLiteral("name"), name}, {QStringLiteral("type"), QStringLiteral("read_only")}},
        GatewayProcess::bearer(owner));
    const QJsonObject body = reply.json();
    return {body.value(QStringLiteral("key")).toObject().value(QStringLiteral("id")).toString(),
            body.value(QStringLiteral("secret")).toString().toLatin1()};
}

} // namespace knotie::test
