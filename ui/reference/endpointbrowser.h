#pragma once

#include "ui/reference/apiexamples.h"

#include <QWidget>

class QLabel;
class QTabBar;
class QTreeWidget;
class QTableWidget;

namespace knotie {

class CodeBlock;

// The Platform API, grouped as the help article groups it: pick a call on the left, read
// what each key type may do with it (from the scope table the gateway enforces) and copy
// an example on the right.
class EndpointBrowser : public QWidget {
    Q_OBJECT
public:
    explicit EndpointBrowser(QWidget *parent = nullptr);

    // The connected gateway and the partner's real ids, so examples run as shown.
    void setValues(const examples::Values &values);
    void showRoute(const scopes::PlatformRoute &route);
    QString example(examples::Language language) const;
    QString mcpConfig() const;

private:
    void showCurrent();
    void showLanguage(int index);

    examples::Values m_values;
    const scopes::PlatformRoute *m_route = nullptr;
    QTreeWidget *m_tree;
    QLabel *m_title;
    QLabel *m_description;
    QTableWidget *m_grants;
    QTabBar *m_languages; // in allLanguages order
    CodeBlock *m_code;
    QStringList m_examples; // the current call in each language
    QWidget *m_mcp;
    QTableWidget *m_tools;
    CodeBlock *m_mcpConfig;
};

} // namespace knotie
