#pragma once

#include "ui/pages/pagecontext.h"

#include <QMainWindow>

#include <memory>

class QTreeWidgetItem;

namespace knotie {

struct Account;

// The shell: account header, navigation and one page at a time. Every page is its own
// class, made by createPage(); this window only places them (as its Navigator asks),
// follows the person's permissions as they change, and shows the connection state. It
// knows no page class.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const PageContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The pages the navigation offers, in its order.
    QList<Page> navigationPages() const;
    Page currentPage() const;
    // Shows a page; one the person may not see shows why and whom to ask instead.
    void showPage(Page page);

Q_SIGNALS:
    void signOutRequested();
    void preferencesRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    // Usage refreshes while the window can be seen, not while it is minimised or hidden.
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildMenus();
    void rebuildNavigation();
    void onAccountChanged(const Account &account);
    void focusPage(QWidget *page);
    void updateUsageVisibility();
    QTreeWidgetItem *lockedSettingsItem(Page page) const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace knotie
