#include "ui/widgets/secretclipboard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

namespace knotie {

namespace {
QByteArray fingerprint(const QString &text) {
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

SecretClipboard::SecretClipboard(QObject *parent)
    : QObject(parent) {
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &SecretClipboard::tick);
    connect(qGuiApp, &QGuiApplication::aboutToQuit, this, &SecretClipboard::clearIfUnchanged);
}

SecretClipboard::~SecretClipboard() {
    // Nobody may be listening any more; clear quietly.
    const QSignalBlocker quiet(this);
    clearIfUnchanged();
}

void SecretClipboard::copy(const QString &text, int clearAfterSeconds, const QObject *owner) {
    auto *mime = new QMimeData;
    mime->setText(text);
    // KDE Klipper and other managers honour this hint and do not keep the entry;
    // Windows' clipboard history honours the second.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    mime->setData(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"), QByteArrayLiteral("1"));
    QGuiApplication::clipboard()->setMimeData(mime);
    m_fingerprint = fingerprint(text);
    m_secondsLeft = clearAfterSeconds;
    m_owner = owner;
    m_timer.start();
    Q_EMIT countdown(m_secondsLeft);
}

void SecretClipboard::tick() {
    if (--m_secondsLeft > 0) {
        Q_EMIT countdown(m_secondsLeft);
        return;
    }
    clearIfUnchanged();
}

void SecretClipboard::clearIfUnchanged() {
    if (m_fingerprint.isEmpty())
        return;
    m_timer.stop();
    m_secondsLeft = 0;
    QClipboard *clipboard = QGuiApplication::clipboard();
    const bool ours = fingerprint(clipboard->text()) == m_fingerprint;
    if (ours)
        clipboard->clear();
    m_fingerprint.clear();
    Q_EMIT cleared(ours);
    m_owner = nullptr;
}

} // namespace knotie
