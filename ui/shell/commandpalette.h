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
// for "API Keys" learns why it is not there instead of finding nothing. It also acts:
// "rotate N8N…" and "revoke …" run the API Keys page's own command on that key, "create
// read-only key" opens Create with the type chosen, "test a key" opens Test a Key.
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
    enum class Verb { None, Rotate, Revoke };
    static Verb verbOf(const QString &word);
    static bool mayApply(Verb verb, const QListWidgetItem *item);
    void filter();
    void setVerb(Verb verb);
    void choose(QListWidgetItem *item);

    PageContext m_context;
    QLineEdit *m_query;
    QListWidget *m_list;
    QLabel *m_hint;
    Verb m_verb = Verb::None;
};

} // namespace knotie
