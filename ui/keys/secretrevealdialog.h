#pragma once

#include "models/secrets/secretstore.h"

#include <QDialog>
#include <QUrl>

#include <functional>
#include <memory>

namespace knotie {

// Shows a new key's secret exactly once: monospace, a copy button (clipboard cleared
// after 30 seconds if it still holds the secret, with a visible countdown), an optional
// "save to system keychain", a ready-to-paste example with the X-API-Key header, and a
// confirmation before closing if the secret was never copied. When it closes, the
// secret is wiped from its memory.
class SecretClipboard;

class SecretRevealDialog : public QDialog {
    Q_OBJECT
public:
    // The clipboard outlives the dialog: its 30-second countdown goes on after the dialog
    // closes, while the person pastes the key where it belongs.
    SecretRevealDialog(const QString &keyName, QByteArray secret, const QUrl &gateway,
                       SecretClipboard *clipboard, QWidget *parent = nullptr);
    ~SecretRevealDialog() override;

    bool wasCopied() const;
    // Whether the secret is still held (false once the dialog has closed).
    bool holdsSecret() const;

    // The question asked when closing without copying; tests answer it.
    static constexpr int clipboardSeconds = 30;

    // Shows "save to the system keychain", saving under `entry` of `store` when ticked.
    // Closing with it ticked saves first: the dialog closes once the keychain has the
    // secret, and stays open, saying why, when it cannot (nothing is lost).
    void offerKeychain(SecretStore *store, const QString &entry);
    // The same, saving through `save` (KeySecrets: an entry labelled with the key's name).
    using SaveFunction = std::function<void(const QByteArray &secret, QObject *context,
                                            std::function<void(const SecretStore::Result &)> done)>;
    void offerKeychain(SaveFunction save);

public Q_SLOTS:
    void done(int result) override;

private:
    void copy(const QString &text);
    void saveThenClose(int result);
    void wipe();

    struct Private;
    std::unique_ptr<Private> d;
};

// Asks before a secret that was never copied is gone for good. Replaceable in tests.
using ConfirmDiscardFunction = bool (*)(QWidget *parent);
void setConfirmDiscardFunction(ConfirmDiscardFunction function);

} // namespace knotie
