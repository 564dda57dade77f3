#pragma once

#include "models/items/keyfilter.h"

#include "models/data/apikey.h"
#include "ui/pages/pagecontext.h"

#include <QWidget>

#include <memory>

class QLayout;
class QTableView;

namespace knotie {

class KeyActions;
class KeyFilterProxy;

// Settings → API Keys: the key manager. It puts together the KeyTableView (badges,
// status with time left, 7-day sparklines), the KeyFilterBar, the commands of
// KeyActions and the KeyFlows behind them, and shows the empty, loading and offline
// states that say what is happening.
class ApiKeysPage : public QWidget {
    Q_OBJECT
public:
    explicit ApiKeysPage(const PageContext &context, QWidget *parent = nullptr);

    // The room the page is laid out for, beside the navigation of a 1180×760 window.
    QSize sizeHint() const override { return {960, 680}; }
    ~ApiKeysPage() override;

    QTableView *table() const;
    KeyFilterProxy *proxy() const;
    KeyActions *actions() const;
    // Selects these keys (by id) in the table, as a person would.
    void selectKeys(const QStringList &keyIds);
    // Shows the slice of keys the Overview asked for (type, status, customer, condition).
    void applyFilter(const knotie::KeyFilter &filter);

    // The flows behind the actions, public for the shortcuts of other screens and tests.
    void createKey();
    void rotateSelected();
    void revokeSelected();
    void editSelected();
    void exportTo(const QString &path);

Q_SIGNALS:
    // A rotate or revoke of several keys ended; `summary` says what happened to each.
    void batchFinished(const QString &summary);
    void exported(const QString &error);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QLayout *buildTitleRow();
    void buildCommands();
    void updateState();
    // Built when first shown: most accounts have keys and never see it.
    QWidget *emptyState();
    void updateActions();
    void fetchUsage();
    void goToLinked(const knotie::ApiKey &key);
    // The palette's "rotate …"/"revoke …": the command of that name, on that key.
    void runCommandOn(const QString &command, const QString &keyId);
    void showMessage(const QString &text, bool error);
    void saveLayout() const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace knotie
