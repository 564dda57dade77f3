#pragma once

#include "session/access.h"
#include "session/signinflow.h"

#include <QMainWindow>

#include <memory>

namespace knotie {

// The shell: account header, navigation and one page at a time. Every page is its own
// class; this window only places them and follows the person's permissions.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const SignedInSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The pages the navigation offers, in its order.
    QList<Page> navigationPages() const;
    Page currentPage() const;
    // Shows a page; one the person may not see shows why and whom to ask instead.
    void showPage(Page page);

    static QString pageTitle(Page page);
    static QString pageSlug(Page page); // "api-keys": for the command line and settings

Q_SIGNALS:
    void signOutRequested();
    void preferencesRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildNavigation();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace knotie
