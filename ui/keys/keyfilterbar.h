#pragma once

#include "models/items/keyfilter.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;

namespace knotie {

class KeyFilterProxy;
class KeyStore;

// The row above the key table: search, type, status and creator filters, "show revoked
// and expired", the Overview's condition (with a way out) and how many keys show. It
// sets the KeyFilterProxy; the creators come from the KeyStore.
class KeyFilterBar : public QWidget {
    Q_OBJECT
public:
    KeyFilterBar(KeyFilterProxy *proxy, KeyStore *keys, QWidget *parent = nullptr);

    // Shows the slice of keys the Overview asked for (type, status, customer, condition).
    void applyFilter(const knotie::KeyFilter &filter);
    // "12 of 40 keys".
    void setCount(int shown, int total);
    // Ctrl+F: to the search field, for the page to install.
    QAction *findAction() const { return m_find; }
    // Shows revoked and expired keys too (a linked key may be one).
    void showRetired();
    // Its fields, in the order they are seen.
    QList<QWidget *> fields() const;
    void saveLayout() const;
    // The secret pasted into the search, handed over once (a single copy, to overwrite after use).
    QByteArray takePastedSecret();

Q_SIGNALS:
    // "Test a Key" was asked for the whole secret pasted into the search: take it with
    // takePastedSecret().
    void testKeyRequested();

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void updateCreators();
    void onSearchEdited(const QString &text);
    // Overwrites the pasted secret and takes the offer to test it away.
    void forgetPastedSecret();

    KeyFilterProxy *m_proxy;
    KeyStore *m_keys;
    QAction *m_find;
    QLineEdit *m_search;
    QComboBox *m_type;
    QComboBox *m_status;
    QComboBox *m_creator;
    QCheckBox *m_showRetired;
    QLabel *m_condition; // the Overview's key-health condition, with a way out
    QLabel *m_count;
    // A whole secret pasted into the search: the field shows "kn_pk_…jC2d" instead, and the
    // secret is held only for the "Test a Key" offer beside it, for at most two minutes.
    QLabel *m_pastedNote;
    QByteArray m_pastedSecret;
    QTimer *m_forgetPasted;
};

} // namespace knotie
