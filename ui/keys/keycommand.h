#pragma once

#include "models/data/apikey.h"

#include <QAction>

#include <functional>

namespace knotie {

// One action on the selected keys, with its own rules for when it may run (as
// Kleopatra's Command has its restrictions): a KeyActions enables it from the selection
// and the gateway's reachability, and calls `run` with the selection when triggered.
class KeyCommand : public QAction {
    Q_OBJECT
public:
    enum Restriction {
        NoRestriction = 0x0,
        NeedsSelection = 0x1, // at least one key
        OnlyOne = 0x2,        // exactly one key
        MustBeLive = 0x4,     // no revoked or expired key among them
        MustBeActive = 0x8,   // every key active (the gateway rotates only those)
        NeedsLink = 0x10,     // the key was rotated from or into another
        NeedsGateway = 0x20,  // writes: not while the gateway is out of reach
    };
    Q_DECLARE_FLAGS(Restrictions, Restriction)

    using Run = std::function<void(const QList<knotie::ApiKey> &selection)>;

    KeyCommand(const QString &text, const QString &name, const QKeySequence &shortcut,
               Restrictions restrictions, QWidget *owner);

    Restrictions restrictions() const { return m_restrictions; }
    void setRun(Run run) { m_run = std::move(run); }
    // A rule of its own beyond the restrictions, which every selected key must meet
    // ("its secret is in the keychain").
    void setCondition(std::function<bool(const knotie::ApiKey &)> condition) {
        m_condition = std::move(condition);
    }
    // Its text for a selection of `n` keys ("Rotate 3 Keys…"); the plain text when unset.
    void setTextFor(std::function<QString(int n)> textFor) { m_textFor = std::move(textFor); }

    // Whether it may run on `selection`; `refusal` is why writing is not possible now,
    // empty when it is.
    bool allows(const QList<knotie::ApiKey> &selection, const QString &refusal) const;
    // Enables it (and words it) for `selection`.
    void update(const QList<knotie::ApiKey> &selection, const QString &refusal);
    // Runs it on `selection` if it may.
    void runOn(const QList<knotie::ApiKey> &selection);

private:
    Restrictions m_restrictions;
    Run m_run;
    std::function<bool(const knotie::ApiKey &)> m_condition;
    std::function<QString(int)> m_textFor;
    QString m_plainText;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(KeyCommand::Restrictions)

} // namespace knotie
