#pragma once

#include <QWidget>

class QPlainTextEdit;
class QPushButton;

namespace knotie {

// A copy/paste example: monospace, read-only, selectable by keyboard, with a Copy
// button. Examples never hold a secret, so the ordinary clipboard is right here.
class CodeBlock : public QWidget {
    Q_OBJECT
public:
    explicit CodeBlock(const QString &accessibleName, QWidget *parent = nullptr);
    void setCode(const QString &code);
    QString code() const;

private:
    QPlainTextEdit *m_text;
    QPushButton *m_copy;
};

} // namespace knotie
