#pragma once

#include "models/analytics/keyhygiene.h"
#include "ui/pages/pagecontext.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace knotie {

// The keys that deserve attention: one row per key with every reason in full (wrapped,
// and in the tooltip), and beside it what to do about it: Rotate, Revoke, and for a
// Partner key that only reads, Create Read-Only Key (the Create form filled in). The
// actions go through the Navigator, so API Keys runs them as its own menu would.
class AttentionList : public QWidget {
    Q_OBJECT
public:
    AttentionList(const PageContext &context, QWidget *parent = nullptr);

    QTreeWidget *table() const { return m_table; }
    // `label`: how the key is named; `labelTip`: why it shows by id, if it does.
    void addEntry(const KeyAttention &entry, const QString &label, const QString &labelTip = {});
    void clear();
    // A line in place of the rows; `more`: the rest, for the tooltip.
    void showNote(const QString &note, const QString &more = {});
    bool showsNote() const;
    int entryCount() const;

Q_SIGNALS:
    void keyActivated(const QString &keyId);

private:
    QWidget *actionsFor(const KeyAttention &entry);

    PageContext m_context;
    QTreeWidget *m_table;
};

} // namespace knotie
