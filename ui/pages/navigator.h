#pragma once

#include "models/items/keyfilter.h"
#include "models/session/access.h"

#include <QObject>

namespace knotie {

// The one way anything asks for a page (the shell's navigation and menus, the command
// palette, a page's links): the main window shows what pageRequested names, and the page
// it shows follows the request that came with it. Nothing reaches into another page's
// class.
//   showKeys:    the Overview's key counts open API Keys filtered. The API Keys page applies
//                keyFilter() when it is made and keyFilterRequested while it exists.
//   showKey:     the palette's key entries select one key in API Keys.
//   showKeyUsage: "Show usage" of a key opens Analytics for that key.
//   runKeyCommand: the palette's "rotate N8N…" and "revoke …": API Keys runs its own command
//                (a KeyCommand, named by its object name) on that key, as its menu would.
//   createKey:   the palette's "create read-only key": API Keys opens Create with the type chosen
//                (and, from the attention list's "Create Read-Only Key", a name and customer).
//   showKeyDetails: the palette's "Key details" entries select one key and open its details.
// For these and showKey, showKeyUsage the page is requested first (so it exists), then the rest.
class Navigator : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void showPage(Page page) { Q_EMIT pageRequested(page); }
    void showKeys(const KeyFilter &filter);
    void showKey(const QString &keyId);
    void showKeyUsage(const QString &keyId);
    void showKeyDetails(const QString &keyId);
    void runKeyCommand(const QString &command, const QString &keyId);
    void createKey(knotie::KeyType type, const QString &name = {}, const QString &customerId = {});
    // The slice of the key table asked for last.
    const KeyFilter &keyFilter() const { return m_keyFilter; }

Q_SIGNALS:
    void pageRequested(knotie::Page page);
    void keyFilterRequested(const knotie::KeyFilter &filter);
    void keySelectionRequested(const QString &keyId);
    void keyUsageRequested(const QString &keyId);
    void keyDetailsRequested(const QString &keyId);
    void keyCommandRequested(const QString &command, const QString &keyId);
    void keyCreationRequested(knotie::KeyType type, const QString &name, const QString &customerId);

private:
    KeyFilter m_keyFilter;
};

} // namespace knotie
