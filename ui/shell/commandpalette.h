#pragma once

#include "ui/pages/pagecontext.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;

namespace knotie {

// Ctrl+K: type to jump to any page or API key (through the context's Navigator). Pages
// the person may not see are listed too, with why and whom to ask, so someone who searches
// for "API Keys" learns why it is not there instead of finding nothing.
class CommandPalette : public QDialog {
    Q_OBJECT
public:
    CommandPalette(const PageContext &context, QWidget *parent = nullptr);

    void setQuery(const QString &text);
    // Chooses the highlighted entry (the first match unless moved), as Return does.
    void chooseFirst();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void filter();
    void choose(QListWidgetItem *item);

    PageContext m_context;
    QLineEdit *m_query;
    QListWidget *m_list;
    QLabel *m_hint;
};

} // namespace knotie
