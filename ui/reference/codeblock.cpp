#include "ui/reference/codeblock.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

namespace knotie {

CodeBlock::CodeBlock(const QString &accessibleName, QWidget *parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("Copy"), this)) {
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setAccessibleName(accessibleName);
    // Tab leaves the example instead of being typed into it.
    m_text->setTabChangesFocus(true);
    m_copy->setAccessibleName(tr("Copy %1").arg(accessibleName));
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_text->toPlainText());
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(1500, m_copy, [this] { m_copy->setText(tr("Copy")); });
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copy);
    layout->addLayout(buttons);
    layout->addStretch(1);
}

void CodeBlock::setCode(const QString &code) {
    m_text->setPlainText(code);
    const int lines = int(code.count(QLatin1Char('\n'))) + 2;
    // As tall as the example (up to a screenful), so a short one leaves room below it.
    m_text->setFixedHeight(qMin(lines, 22) * m_text->fontMetrics().lineSpacing() +
                           2 * (m_text->frameWidth() + int(m_text->document()->documentMargin())) + 4);
}

QString CodeBlock::code() const {
    return m_text->toPlainText();
}

} // namespace knotie
