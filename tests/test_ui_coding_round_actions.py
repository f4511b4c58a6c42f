"""The supervisor's actions on the Coding rounds tab: a new round drawn from a dialog that
says how many sessions are eligible and keeps what was typed when refused; the round exported
for its coders to a folder or a ZIP file with the recordings key; a round closed after
confirming; results saved as CSV or a workbook. Only a supervisor gets the managing buttons,
and each is enabled only when it applies."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from coding_fixtures import use_scale
from round_fixtures import END, START, acting_as, eligible_ids
from round_results_fixtures import results_centre
from traumefokus.services.coding_round_admin import coder_choices
from traumefokus.services.coding_rounds import RoundSpec, create_round, get_round
from traumefokus.ui.coding_export_dialog import CodingExportDialog
from traumefokus.ui.coding_round_dialog import NewRoundDialog
from ui_helpers import make_context, signed_in_window


@pytest.fixture
def sup(admin, monkeypatch):
    use_scale(monkeypatch)
    results_centre(admin)
    return acting_as(admin, "sup.visor")


def _page(qtbot, workspace, acting, lang="da"):
    main = signed_in_window(make_context(workspace, lang, acting=acting))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    page = main.coding_rounds
    main.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.results is not None)
    return page


def _choose(qtbot, page, name):
    row = next(i for i, p in enumerate(page.rounds) if p.round.name == name)
    page.round_list.selectRow(row)
    qtbot.waitUntil(lambda: page.results is not None and page.results.round.name == name)


def _states(page):
    return {
        b.text().replace("&", ""): (b.isVisible(), b.isEnabled())
        for b in (page.new_button, page.export_button, page.close_button, page.save_button)
    }


def test_a_supervisor_manages_rounds_and_an_administrator_only_sees_results(
    qtbot, workspace, sup, admin
):
    page = _page(qtbot, workspace, sup, lang="en")
    _choose(qtbot, page, "Maj 2023")
    assert _states(page) == {
        "New round…": (True, True),
        "Export for coders…": (True, True),
        "Close round…": (True, True),
        "Save as CSV/XLSX…": (True, True),
    }
    _choose(qtbot, page, "Tom")  # no ratings: nothing to save or print
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()
    assert page.close_button.isEnabled()
    theirs = _page(qtbot, workspace, admin, lang="en")
    _choose(qtbot, theirs, "Maj 2023")
    assert _states(theirs) == {
        "New round…": (False, False),
        "Export for coders…": (False, False),
        "Close round…": (False, False),
        "Save as CSV/XLSX…": (True, True),
    }


def _dialog(qtbot, sup, workspace, lang="da"):
    ctx = make_context(workspace, lang, acting=sup)
    dialog = NewRoundDialog(ctx, coder_choices(sup))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start.setDate(QDate(START.year, START.month, START.day))
    dialog.end.setDate(QDate(END.year, END.month, END.day))
    count = str(len(eligible_ids()))
    qtbot.waitUntil(lambda: dialog.eligible is not None and count in dialog.count.text())
    return dialog


def test_the_new_round_dialog_says_what_is_eligible_and_draws_the_round(qtbot, workspace, sup):
    dialog = _dialog(qtbot, sup, workspace)
    assert "kan trækkes: 48" in dialog.count.text()
    assert dialog.seed.text().isdigit()  # a random seed, filled in
    dialog.name.setText("Efterår 2023")
    dialog.sample_size.setValue(5)
    dialog.seed.setText("efterår")
    dialog.by_therapist.setChecked(True)
    dialog.coders.item(1).setCheckState(Qt.CheckState.Unchecked)  # coder.bent
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    made = get_round(sup, "Efterår 2023")
    assert dialog.made == made
    assert (len(made.session_ids), made.seed, made.by_therapist) == (5, "efterår", True)
    assert [c.name for c in made.coders] == ["coder.anna"]
    assert set(made.session_ids) <= eligible_ids()


def test_a_refused_round_is_said_in_the_dialog_which_keeps_what_was_typed(qtbot, workspace, sup):
    dialog = _dialog(qtbot, sup, workspace)
    dialog.name.setText("Stor runde")
    dialog.sample_size.setValue(999)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert dialog.problem.text().startswith("Der kan ikke trækkes 999 sessioner: kun 48")
    assert dialog.isVisible() and dialog.name.text() == "Stor runde"
    assert dialog.ok_button.isEnabled()
    dialog.name.setText("maj 2023")
    dialog.sample_size.setValue(3)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "allerede" in dialog.problem.text())
    assert dialog.isVisible() and dialog.made is None
    for box in range(dialog.coders.count()):
        dialog.coders.item(box).setCheckState(Qt.CheckState.Unchecked)
    dialog.ok_button.click()
    assert dialog.problem.text() == "Vælg mindst én koder."


@pytest.mark.parametrize("as_zip", [False, True])
def test_the_export_dialog_writes_the_files_and_says_the_pseudonyms(
    qtbot, workspace, sup, tmp_path, as_zip
):
    create_round(sup, RoundSpec("Ud", "SS", START, END, 4, "ud"), today=date(2023, 7, 1))
    dialog = CodingExportDialog(make_context(workspace, "en", acting=sup), "Ud")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.as_zip.setChecked(as_zip)
    out = tmp_path / ("ud.zip" if as_zip else "ud")
    dialog.out.setText(str(out))
    dialog.with_key.setChecked(True)
    dialog.key.setText(str(tmp_path / "key.csv"))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None)
    if as_zip:
        assert "ratings.csv" in zipfile.ZipFile(out).namelist()
    else:
        assert (out / "ratings.csv").is_file() and (out / "sample.csv").is_file()
    assert (tmp_path / "key.csv").is_file()
    said = dialog.done_text.text()
    assert f"exported to {out}: 4 sessions, 8 rows" in said
    assert "The coder coder.anna is P-" in said and "The coder coder.bent is P-" in said
    assert f"written to {tmp_path / 'key.csv'}: do not send it." in said
    assert dialog.ok_button.text() == "Close"
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_key_inside_the_export_is_refused_in_the_dialog(qtbot, workspace, sup, tmp_path):
    create_round(sup, RoundSpec("Ud", "SS", START, END, 4, "ud"), today=date(2023, 7, 1))
    dialog = CodingExportDialog(make_context(workspace, "da", acting=sup), "Ud")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.out.setText(str(tmp_path / "ud"))
    dialog.with_key.setChecked(True)
    dialog.key.setText(str(tmp_path / "ud" / "key.csv"))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert "skal blive hos supervisoren" in dialog.problem.text()
    assert dialog.written is None and not (tmp_path / "ud").exists()


def test_a_new_round_from_the_page_is_chosen_in_the_list(qtbot, workspace, sup, monkeypatch):
    page = _page(qtbot, workspace, sup)

    def exec_(dialog):
        dialog.start.setDate(QDate(START.year, START.month, START.day))
        dialog.end.setDate(QDate(END.year, END.month, END.day))
        dialog.name.setText("Ny")
        dialog.sample_size.setValue(3)
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.made is not None)
        return 1

    monkeypatch.setattr(NewRoundDialog, "exec", exec_)
    page.new_button.click()
    qtbot.waitUntil(lambda: page.chosen_round() == "Ny")
    assert page.status.text() == "Runden Ny er trukket: 3 sessioner."


def test_closing_a_round_after_confirming(qtbot, workspace, sup, monkeypatch):
    page = _page(qtbot, workspace, sup)
    _choose(qtbot, page, "Maj 2023")
    asked = []

    def answer(box):
        asked.append(box.text())
        role = QMessageBox.ButtonRole.RejectRole if len(asked) == 1 else QMessageBox.ButtonRole
        wanted = role if len(asked) == 1 else role.AcceptRole
        (button,) = [b for b in box.buttons() if box.buttonRole(b) == wanted]
        if len(asked) > 1:
            assert button.text().replace("&", "") == "Luk runden"
        button.click()

    monkeypatch.setattr(QMessageBox, "exec", answer)
    page.close_button.click()  # cancelled: nothing happens
    assert get_round(sup, "Maj 2023").status.value == "open"
    assert "2 af 3 sessioner er vurderet af alle kodere, og 1 kladder" in asked[0]
    page.close_button.click()
    qtbot.waitUntil(lambda: page.chosen_progress().round.status.value == "closed")
    assert page.chosen_round() == "Maj 2023"
    assert get_round(sup, "Maj 2023").status.value == "closed"
    assert not page.close_button.isEnabled() and not page.export_button.isEnabled()
    qtbot.waitUntil(lambda: page.save_button.isEnabled())  # its results stay


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_results_are_saved_as_csv_or_a_workbook(
    qtbot, workspace, sup, monkeypatch, tmp_path, suffix
):
    page = _page(qtbot, workspace, sup)
    _choose(qtbot, page, "Maj 2023")
    chosen = tmp_path / "resultater"  # without a suffix: the chosen type gives it

    def ask(parent, title, start, filters, *args):
        kinds = filters.split(";;")
        return str(chosen), kinds[1] if suffix == ".csv" else kinds[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    page.save_button.click()
    out = chosen.with_suffix(suffix)
    qtbot.waitUntil(lambda: out.is_file())
    qtbot.waitUntil(lambda: str(out) in page.status.text())
    if suffix == ".csv":
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    else:
        assert zipfile.is_zipfile(out)
