#include "ui/reference/keytestpanel.h"

#include "models/domain/keyformat.h"
#include "models/domain/scopes.h"
#include "models/session/session.h"
#include "ui/keys/keytypetext.h"
#include "ui/reference/apiexamples.h"
#include "ui/widgets/searchfield.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace knotie {

namespace {
QString when(UnixTime time) {
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(time).toLocalTime(), QLocale::ShortFormat);
}

// What a key of this type may call, straight from the scope table.
QString abilities(KeyType type) {
    QStringList lines;
    for (const scopes::PlatformRoute &route : scopes::platformRoutes()) {
        const scopes::Grant grant = route.grantFor(type);
        if (grant == scopes::Grant::Denied)
            continue;
        QString line = QStringLiteral("• %1 %2").arg(route.method, route.pathTemplate);
        if (grant != scopes::Grant::Allowed)
            line += QStringLiteral(" (%1)").arg(examples::grantText(grant));
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

KeyTestPanel::KeyTestPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_test(new KeyTest(session, this))
    , m_secret(new QLineEdit(this))
    , m_run(new QPushButton(tr("&Test Key"), this))
    , m_verdict(new QLabel(this))
    , m_details(new QLabel(this))
    , m_live(new QLabel(this)) {
    auto *intro = new QLabel(tr("Paste a key to see whether it works, what type it is and what it may do. "
                                "The key is checked here first, then by the gateway; it is not stored and "
                                "is cleared when you leave this page."),
                             this);
    intro->setWordWrap(true);
    m_secret->setObjectName(QStringLiteral("testKeySecret"));
    m_secret->setAccessibleName(tr("Key to test"));
    m_secret->setPlaceholderText(tr("kn_… (44 characters)"));
    m_secret->setEchoMode(QLineEdit::Password);
    addClearButton(m_secret);
    m_run->setObjectName(QStringLiteral("testKeyButton"));
    m_run->setAccessibleName(tr("Test key"));
    m_run->setDefault(true);
    m_verdict->setObjectName(QStringLiteral("testKeyVerdict"));
    m_details->setObjectName(QStringLiteral("testKeyDetails"));
    m_live->setObjectName(QStringLiteral("testKeyLiveCall"));
    for (QLabel *label : {m_verdict, m_details, m_live}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);

    auto *row = new QHBoxLayout;
    row->addWidget(m_secret, 1);
    row->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row);
    layout->addWidget(m_verdict);
    layout->addWidget(m_details);
    layout->addWidget(m_live);
    layout->addStretch(1);

    connect(m_run, &QPushButton::clicked, this, [this] { test(m_secret->text()); });
    connect(m_secret, &QLineEdit::returnPressed, this, [this] { test(m_secret->text()); });
    connect(m_test, &KeyTest::checked, this, &KeyTestPanel::showResult);
    connect(m_test, &KeyTest::liveCallFinished, this, &KeyTestPanel::showLiveCall);
}

KeyTestPanel::~KeyTestPanel() {
    clear();
}

void KeyTestPanel::test(const QString &secret) {
    m_verdict->setText(tr("Checking…"));
    m_details->clear();
    m_live->clear();
    m_test->test(secret.toLatin1());
}

void KeyTestPanel::clear() {
    m_test->cancel();
    // setText (unlike clear) also drops the field's undo history, which held the key.
    m_secret->setText(QString());
    m_verdict->clear();
    m_details->clear();
    m_live->clear();
}

void KeyTestPanel::hideEvent(QHideEvent *event) {
    clear();
    QWidget::hideEvent(event);
}

void KeyTestPanel::showResult(const KeyTest::Result &result) {
    using V = KeyTest::Verdict;
    const QString typeTitle = result.type ? keyTypeText(*result.type).title : QString();
    switch (result.verdict) {
    case V::Malformed:
        m_verdict->setText(tr("This is not a Knotie key."));
        m_details->setText(
            tr("A Knotie key starts with kn_pk_, kn_ck_, kn_rk_ or kn_wk_ and is %1 characters "
               "long. Nothing was sent to the gateway.")
                .arg(keyformat::secretLength));
        return;
    case V::BadChecksum:
        m_verdict->setText(tr("A character is wrong."));
        m_details->setText(tr("This looks like a %1 key, but its checksum (the last six characters) does not "
                              "match: a character was changed or lost when it was copied. Copy it again from "
                              "where you keep it. Nothing was sent to the gateway.")
                               .arg(typeTitle));
        return;
    case V::Unknown:
        m_verdict->setText(tr("The gateway does not know this key."));
        m_details->setText(tr("It is a well-formed %1 key, but not one of your account's keys: it may belong "
                              "to another account, or it was never issued by this gateway (%2).")
                               .arg(typeTitle, m_session->gateway().toDisplayString()));
        return;
    case V::Failed:
        m_verdict->setText(tr("The key could not be checked."));
        m_details->setText(result.failure);
        return;
    case V::Revoked:
    case V::Expired:
    case V::Valid:
        break;
    }
    const ApiKey key = result.key.value_or(ApiKey{});
    const QString name = keyLabel(key);
    if (result.verdict == V::Revoked) {
        const QString who = key.revokedBy ? key.revokedBy->name : tr("someone on your team");
        m_verdict->setText(tr("Revoked on %1 by %2.").arg(when(key.revokedAt), who));
    } else if (result.verdict == V::Expired) {
        m_verdict->setText(tr("Expired on %1.").arg(when(key.expiresAt)));
    } else if (key.expiresAt > 0) {
        m_verdict->setText(tr("Valid until %1.").arg(when(key.expiresAt)));
    } else {
        m_verdict->setText(tr("Valid."));
    }
    QString details = tr("%1 key %2.").arg(keyTypeText(key.type).title, name) + QLatin1Char(' ') +
                      keyTypeText(key.type).summary;
    if (result.verdict != V::Valid)
        details +=
            QLatin1Char(' ') + tr("It no longer works; every call with it is refused (401 invalid_key).");
    details += QLatin1Char('\n') + (result.verdict == V::Valid ? tr("It may call:") : tr("It could call:")) +
               QLatin1Char('\n') + abilities(key.type);
    m_details->setText(details);
    if (result.verdict == V::Valid)
        m_live->setText(tr("Calling GET /api/v1/whoami with this key…"));
}

void KeyTestPanel::showLiveCall(const KeyTest::LiveCall &call) {
    if (call.ok) {
        m_live->setText(tr("Live call GET /api/v1/whoami: HTTP %1, the gateway answered as key %2 (%3).")
                            .arg(call.httpStatus)
                            .arg(call.keyId, call.keyType));
        return;
    }
    m_live->setText(tr("Live call GET /api/v1/whoami failed: %1").arg(call.failure));
}

} // namespace knotie
