#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace knotie {

// Copies a secret the careful way: marked so clipboard managers do not record it,
// cleared after a delay only if the clipboard still holds it (the person may have
// copied something else since), and cleared when the program quits.
class SecretClipboard : public QObject {
    Q_OBJECT
public:
    explicit SecretClipboard(QObject *parent = nullptr);
    ~SecretClipboard() override;

    // `owner` is who copied (a secret dialog); the signals below are about its copy until
    // someone else copies, so each dialog tells its own copy from another's.
    void copy(const QString &text, int clearAfterSeconds = 30, const QObject *owner = nullptr);
    const QObject *owner() const { return m_owner; }
    // Clears now, if the clipboard still holds what was copied.
    void clearIfUnchanged();
    int secondsLeft() const { return m_secondsLeft; }

Q_SIGNALS:
    void countdown(int secondsLeft);
    void cleared(bool wasStillOurs);

private:
    void tick();

    QTimer m_timer;
    QByteArray m_fingerprint; // a hash of what we copied: the secret itself is not kept
    int m_secondsLeft = 0;
    QPointer<const QObject> m_owner;
};

} // namespace knotie
