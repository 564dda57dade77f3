#pragma once

#include <QLabel>

namespace knotie {

// The line where a page says what an action did ("2 keys rotated."). It always takes its
// one line of room, empty or not, so a message appearing never pushes the table below it
// down under the pointer (the next click would hit another row). A message longer than
// the line is elided; the whole of it is the tooltip and the accessible description.
class MessageLine : public QLabel {
    Q_OBJECT
public:
    explicit MessageLine(const QString &objectName, QWidget *parent = nullptr);

    // Shows `text` (its lines joined), in the error colour when `error`; empty clears.
    void showMessage(const QString &text, bool error);
    QString message() const { return m_message; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_message;
};

} // namespace knotie
