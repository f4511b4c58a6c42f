"""Danish and English texts for errors and command-line output.

Widgets translate their own strings with Qt's `tr()`; this catalogue holds what the layers
below the UI report (typed errors, CLI results), so that the CLI can follow `--lang` without
importing Qt and the UI can show the same words for the same error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from traumefokus.labels import LABELS, in_sentence

if TYPE_CHECKING:
    from traumefokus.errors import TraumefokusError

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"


@dataclass(frozen=True)
class Term:
    """A fact that is itself a catalogue entry, translated along with the message."""

    code: str


# code: (Danish, English). Placeholders are str.format fields named after the error's facts.
CATALOGUE: dict[str, tuple[str, str]] = {
    # Command line
    "cli.usage": ("{detail}", "{detail}"),
    "cli.bad_path": (
        "{option} {path} kan ikke bruges som sti: {reason}.",
        "{option} {path} cannot be used as a path: {reason}.",
    ),
    "path.nul": ("den indeholder et nul-tegn", "it holds a NUL character"),
    "path.too_long": ("navnet er for langt", "the name is too long"),
    "path.unusable": (
        "den indeholder et tegn, systemet ikke tager",
        "it holds a character the system does not take",
    ),
    "cli.out_of_range": (
        "skal ligge fra {low} til {high}",
        "must be from {low} to {high}",
    ),
    "cli.exit_after_start_with_command": (
        "--exit-after-start gælder kun, når Traumefokus startes uden kommando.",
        "--exit-after-start applies only when Traumefokus starts without a command.",
    ),
    "cli.user_required": (
        "Kommandoen kræver en bruger: angiv --user NAVN.",
        "This command needs a user: give --user NAME.",
    ),
    "cli.interrupted": ("Afbrudt.", "Interrupted."),
    "cli.bug": (
        "Der opstod en uventet fejl ({detail}). Detaljerne er skrevet i {log}.",
        "An unexpected error occurred ({detail}). The details are in {log}.",
    ),
    # Command-line help
    "help.description": (
        "Traumefokus: traumefokuserede sessioner (Seeking Safety, Creating Change) i et "
        "MOVE-forløb. Uden kommando starter programmet.",
        "Traumefokus: trauma-focused sessions (Seeking Safety, Creating Change) in a MOVE "
        "course. Without a command the program starts.",
    ),
    "help.global": ("fælles tilvalg", "global options"),
    "help.data_dir": (
        "mappe til database, indstillinger, pakker, log og sikkerhedskopier",
        "folder for the database, settings, packs, logs and backups",
    ),
    "help.lang": ("sprog for beskeder (standard: da)", "language of messages (default: da)"),
    "help.user": (
        "den bruger, der handler (adgangskoden fra TRAUMEFOKUS_PASSWORD eller terminalen)",
        "the acting user (the password from TRAUMEFOKUS_PASSWORD or the terminal)",
    ),
    "help.database_url": (
        "en SQLAlchemy-URL i stedet for SQLite-filen i datamappen",
        "a SQLAlchemy URL instead of the SQLite file in the data directory",
    ),
    "help.version": ("vis programmets version og afslut", "show the version and exit"),
    "help.exit_after_start": (
        "vis det første vindue, skriv starttiden og afslut",
        "show the first window, print the start-up time and exit",
    ),
    "help.init": (
        "opret databasen og den første administrator",
        "create the database and the first administrator",
    ),
    "help.recover": (
        "alle adgangskoder eller nøglefilen er tabt: åbn databasen med gendannelsesnøglen "
        "(TRAUMEFOKUS_RECOVERY_KEY) og giv en administrator en ny adgangskode",
        "every password or the key file is lost: open the database with the recovery key "
        "(TRAUMEFOKUS_RECOVERY_KEY) and give an administrator a new password",
    ),
    "help.recover_admin": (
        "administratoren, der får en ny adgangskode",
        "the administrator who gets a new password",
    ),
    "help.init_admin": ("administratorens brugernavn", "the administrator's user name"),
    "help.full_name": (
        "brugerens fulde navn, som det står på papir",
        "the user's full name, as printed",
    ),
    "help.title": (
        "brugerens faglige titel, fx socialrådgiver",
        "the user's professional title, e.g. social worker",
    ),
    "help.user_password": (
        "giv en bruger en ny adgangskode (den nye fra TRAUMEFOKUS_NEW_PASSWORD eller terminalen)",
        "give a user a new password (the new one from TRAUMEFOKUS_NEW_PASSWORD or the terminal)",
    ),
    "help.export": ("eksportér data", "export data"),
    "help.export_records": (
        "alle data som JSON (records-v1)",
        "the complete data as JSON (records-v1)",
    ),
    "help.out": ("filen, der skrives", "the file to write"),
    "help.audit": (
        "revisionssporet: kontrollér dets kæde eller eksportér det",
        "the audit trail: check its chain or export it",
    ),
    "help.audit_verify": (
        "kontrollér revisionssporets hashkæde og nævn den første brudte post (administrator "
        "eller supervisor)",
        "check the audit trail's hash chain and name the first broken entry (administrator "
        "or supervisor)",
    ),
    "help.audit_export": (
        "revisionssporet som JSON Lines, én post pr. linje, uanset filens endelse "
        "(administrator eller supervisor)",
        "the audit trail as JSON Lines, one entry a line, whatever the file's extension "
        "(administrator or supervisor)",
    ),
    "help.audit_client": (
        "kun posterne om klienten med denne kode og dens forløb og sessioner",
        "only the entries about the client with this code and its courses and sessions",
    ),
    "help.export_logbook": (
        "logbogen som CSV eller XLSX med en kodebog ved siden af (pseudonymiseret)",
        "the logbook as CSV or XLSX with a codebook beside it (pseudonymised)",
    ),
    "help.out_logbook": (
        "filen, der skrives: .csv eller .xlsx",
        "the file to write: .csv or .xlsx",
    ),
    "help.logbook_from": (
        "kun sessioner fra denne dag (den rigtige dato)",
        "only sessions from this day (the real date)",
    ),
    "help.logbook_to": (
        "kun sessioner til og med denne dag (den rigtige dato)",
        "only sessions up to and including this day (the real date)",
    ),
    "help.logbook_site": ("kun klienter på dette sted", "only clients at this site"),
    "help.separator": (
        "skilletegnet i CSV: , (standard) eller ; (med decimalkomma, som dansk Excel åbner)",
        "the CSV separator: , (default) or ; (with decimal commas, as Danish Excel opens it)",
    ),
    "help.identifiable": (
        "behold klientkoder, navne, rigtige datoer og filnavne (kun administratorer; "
        "til brug i centret)",
        "keep client codes, names, real dates and file names (administrators only; for use "
        "inside the centre)",
    ),
    "help.check_manual": (
        "kontrollér en indholdspakke eller et program",
        "check a content pack or a programme",
    ),
    "help.content_path": (
        "en pakkemappe (med pack.toml) eller en programfil (.toml)",
        "a pack folder (with pack.toml) or a programme file (.toml)",
    ),
    "help.pack": ("indholdspakker og programmer", "content packs and programmes"),
    "help.pack_install": (
        "kontrollér og installér en pakke eller et program i datamappen",
        "check and install a pack or programme into the data directory",
    ),
    "help.users": ("brugere", "users"),
    "help.user_add": (
        "opret en bruger (kræver en administrator som --user)",
        "add a user (needs an administrator as --user)",
    ),
    "help.client": ("klienter", "clients"),
    "help.client_add": ("opret en klient", "add a client"),
    "help.client_erase": (
        "slet klienten og alle klientens data, når opbevaringsperioden efter det sidste "
        "forløb er gået (administrator)",
        "erase the client and all their data once the retention period after their last "
        "course has run (administrator)",
    ),
    "help.erase_code": ("klientens kode", "the client's code"),
    "help.erase_today": (
        "dagen, der regnes fra (standard: i dag)",
        "the day to count from (default: today)",
    ),
    "help.display_name": (
        "et navn, der identificerer klienten (vises kun, når man beder om det)",
        "a name that identifies the client (shown only when asked for)",
    ),
    "help.backup": (
        "tag en kontrolleret sikkerhedskopi af hele databasen i én fil, krypteret som "
        "databasen (administrator)",
        "make a verified backup of the whole database in one file, encrypted like the "
        "database (administrator)",
    ),
    "help.backup_out": ("sikkerhedskopien, der skrives", "the backup file to write"),
    "help.restore": (
        "erstat databasen med en sikkerhedskopi; den kontrolleres først, og den erstattede "
        "database gemmes (administrator i sikkerhedskopien; Traumefokus skal være lukket)",
        "replace the database with a backup; it is checked first, and the replaced database "
        "is kept (an administrator in the backup; Traumefokus must be closed)",
    ),
    "help.restore_file": ("sikkerhedskopien (.tfbackup)", "the backup file (.tfbackup)"),
    "help.demo": (
        "byg et demo-center med brugere, klienter og forløb (til afprøvning og oplæring)",
        "build a demo centre with users, clients and courses (for trying out and training)",
    ),
    "help.demo_clients": (
        "antal klienter, {low}-{high} (standard 20)",
        "number of clients, {low}-{high} (default 20)",
    ),
    "help.demo_seed": (
        "samme seed giver samme data, id'er med; {low}-{high} (standard 1)",
        "the same seed gives the same data, ids included; {low}-{high} (default 1)",
    ),
    "help.demo_today": (
        "dagen, data bygges omkring, fra {low} til {high} (standard: i dag)",
        "the day the data is built around, from {low} to {high} (default: today)",
    ),
    "help.pack_list": (
        "vis de pakker og programmer, der kan bruges",
        "list the packs and programmes available",
    ),
    "help.export_client": (
        "kun denne klients data (en kopi til klienten)",
        "only this client's data (a copy for the client)",
    ),
    "help.coding_sample": (
        "træk en kodningsrunde: en tilfældig, reproducerbar stikprøve af underskrevne, optagne "
        "traumesessioner med samtykke",
        "draw a coding round: a random, reproducible sample of signed, recorded, consented "
        "trauma sessions",
    ),
    "help.coding_method": ("metoden: SS eller CC", "the method: SS or CC"),
    "help.coding_start": ("periodens første dag", "the period's first day"),
    "help.coding_end": ("periodens sidste dag", "the period's last day"),
    "help.coding_size": ("antal sessioner i stikprøven", "the number of sessions to draw"),
    "help.coding_seed": (
        "frøet: samme frø og data giver samme stikprøve",
        "the seed: the same seed and data give the same sample",
    ),
    "help.coding_coders": (
        "koderne, brugernavne adskilt med komma (standard: alle aktive kodere)",
        "the coders, user names separated by commas (default: every active coder)",
    ),
    "help.coding_by_therapist": (
        "fordel stikprøven på behandlerne i forhold til deres sessioner",
        "share the sample among the therapists in proportion to their sessions",
    ),
    "help.coding_export": (
        "eksportér en kodningsrunde pseudonymiseret til koderne",
        "export a coding round, pseudonymised, for the coders",
    ),
    "help.coding_out": (
        "mappen, der skrives (med --zip: ZIP-filen)",
        "the folder to write (with --zip: the ZIP file)",
    ),
    "help.coding_zip": (
        "skriv én ZIP-fil i stedet for en mappe",
        "write one ZIP file instead of a folder",
    ),
    "help.coding_recordings_key": (
        "skriv også en nøgle fra pseudonym til optagelsens filnavn (til supervisoren; uden for "
        "eksporten)",
        "also write a key from pseudonym to recording file name (for the supervisor; outside "
        "the export)",
    ),
    "help.report": ("rapporter med tal", "reports of figures"),
    "help.coding": ("adhærenskodning", "adherence coding"),
    "help.coding_import": (
        "indlæs et udfyldt ratingark (CSV eller XLSX) i en kodningsrunde: alt eller intet",
        "import a filled rating sheet (CSV or XLSX) into a coding round: all or nothing",
    ),
    "help.coding_results": (
        "en kodningsrundes resultater: gennemsnit pr. del og punkt, enighed mellem koderne og "
        "sammenligning mellem runder",
        "a coding round's results: means per part and item, agreement between the coders and "
        "the comparison between rounds",
    ),
    "help.coding_results_out": (
        "skriv resultaterne til en fil (.csv, .xlsx eller .pdf) i stedet for at vise dem",
        "write the results to a file (.csv, .xlsx or .pdf) instead of showing them",
    ),
    "help.coding_close": (
        "luk en kodningsrunde: den forsvinder fra kodernes kø, og dens ratinger ændres ikke "
        "længere",
        "close a coding round: it leaves the coders' queues and its ratings no longer change",
    ),
    "help.coding_round": ("kodningsrundens navn", "the coding round's name"),
    "help.rating_sheet": (
        "arket: en række pr. session og koder, en kolonne pr. punkt",
        "the sheet: one row per session and coder, one column per item",
    ),
    "help.report_supervision": (
        "supervisionsoverblikket for en periode, et sted og behandlere, som PDF eller regneark",
        "the supervision overview of a period, a site and therapists, as a PDF or a spreadsheet",
    ),
    "help.out_report": (
        "filen, der skrives: .pdf eller .xlsx",
        "the file to write: .pdf or .xlsx",
    ),
    "help.start": (
        "periodens første dag (standard: fra begyndelsen)",
        "the period's first day (default: from the start)",
    ),
    "help.end": (
        "periodens sidste dag (standard: i dag)",
        "the period's last day (default: today)",
    ),
    "help.report_site": ("kun dette sted (standard: alle)", "only this site (default: all)"),
    "help.report_therapists": (
        "kun disse behandlere, brugernavne adskilt med komma (standard: alle)",
        "only these therapists, user names separated by commas (default: all)",
    ),
    "help.print": ("udskriv et dokument som PDF", "print a document as PDF"),
    "help.print_note": ("én sessionsnote", "one session note"),
    "help.print_handout": (
        "klientens arbejdsark til sessionen (uden vejledningen til behandleren)",
        "the client's worksheets for the session (without the therapist's guidance)",
    ),
    "help.print_plan": ("forløbsplanen til klienten", "the course plan for the client"),
    "help.print_letter": (
        "statusbrevet (registrerer udskriftsdatoen på forløbet)",
        "the status letter (records the day it was printed on the course)",
    ),
    "help.print_notes": ("alle forløbets sessionsnoter", "every session note of the course"),
    "help.session_id": (
        "sessionens id (som i export records)",
        "the session's id (as in export records)",
    ),
    "help.course_id": (
        "forløbets id (som i export records)",
        "the course's id (as in export records)",
    ),
    "help.out_pdf": ("PDF-filen, der skrives", "the PDF file to write"),
    "help.letter_after": (
        "brevet efter N afholdte sessioner (4, 8, 12 …); ellers det seneste",
        "the letter after N held sessions (4, 8, 12 …); otherwise the latest",
    ),
    "help.with_name": (
        "skriv klientens navn på papiret (ellers kun klientkoden)",
        "print the client's name (otherwise only the client code)",
    ),
    "help.worksheet": (
        "kun dette arbejdsark (kan gentages); ellers de valgte, eller alle temaets",
        "only this worksheet (may be repeated); otherwise those chosen, or all of the theme's",
    ),
    # The screen
    "gui.no_display": (
        "Der er ingen skærm at vise Traumefokus på (DISPLAY og WAYLAND_DISPLAY er tomme). "
        "Start programmet fra et skrivebord.",
        "There is no screen to show Traumefokus on (DISPLAY and WAYLAND_DISPLAY are empty). "
        "Start the program from a desktop.",
    ),
    "gui.missing_libraries": (
        "Qt mangler systembiblioteker for at vise vinduer. Installér dem med: "
        "sudo apt-get install {packages}",
        "Qt is missing system libraries it needs to show windows. Install them with: "
        "sudo apt-get install {packages}",
    ),
    # Data directory, files, disk
    "datadir.unwritable": (
        "Datamappen {path} kan ikke bruges: {detail}. Vælg en anden med --data-dir.",
        "The data directory {path} cannot be used: {detail}. Choose another with --data-dir.",
    ),
    "file.unwritable": (
        "Filen {path} kan ikke skrives: {detail}.",
        "The file {path} cannot be written: {detail}.",
    ),
    "disk.full": (
        "Der er ikke plads på disken til {path}. Frigør plads og prøv igen; intet er gået tabt.",
        "There is no space left on the disk for {path}. Free some space and try again; "
        "nothing was lost.",
    ),
    # Database
    "db.newer": (
        "Databasen {where} er skrevet af en nyere version af Traumefokus (skemarevision "
        "{revision}; denne version kender op til {head}). Installér den nyeste Traumefokus. "
        "Databasen er ikke ændret.",
        "The database {where} was written by a newer version of Traumefokus (schema revision "
        "{revision}; this version knows up to {head}). Install the latest Traumefokus. "
        "The database has not been changed.",
    ),
    "db.corrupt": (
        "Databasen {where} kan ikke læses ({detail}). Gendan en sikkerhedskopi fra {backups}. "
        "Filen er ikke ændret.",
        "The database {where} cannot be read ({detail}). Restore a backup from {backups}. "
        "The file has not been changed.",
    ),
    "db.foreign": (
        "{where} er ikke en Traumefokus-database (den har tabeller, men ingen skemarevision). "
        "Vælg en anden datamappe eller database.",
        "{where} is not a Traumefokus database (it has tables but no schema revision). "
        "Choose another data directory or database.",
    ),
    "db.missing": (
        "Der er ingen database i {where} endnu. Opret den med: traumefokus init --admin NAVN",
        "There is no database at {where} yet. Create it with: traumefokus init --admin NAME",
    ),
    "db.encryption_unavailable": (
        "Denne version af Traumefokus kan ikke åbne en krypteret database.",
        "This version of Traumefokus cannot open an encrypted database.",
    ),
    "db.locked": (
        "Databasen {where} er krypteret og skal låses op med en brugers adgangskode.",
        "The database {where} is encrypted and must be unlocked with a user's password.",
    ),
    "keys.hash_unusable": (
        "Brugerens adgangskode er gemt på en måde, der ikke kan låse databasen op. Giv "
        "brugeren en ny adgangskode.",
        "The user's password is stored in a way that cannot unlock the database. Give the "
        "user a new password.",
    ),
    "encryption.recovery_key": (
        "Databasen er krypteret. Gendannelsesnøgle: {key}\nDen vises kun denne ene gang: "
        "skriv den ned eller print den, og opbevar den et sikkert sted væk fra computeren. "
        "Den åbner data, hvis alle adgangskoder er glemt.",
        "The database is encrypted. Recovery key: {key}\nIt is shown only this once: write it "
        "down or print it and keep it somewhere safe, away from the computer. It opens the "
        "data if every password is lost.",
    ),
    "encryption.done_pending": (
        "Databasen er nu krypteret. En administrator får vist gendannelsesnøglen ved sit "
        "næste login i programmet.",
        "The database is now encrypted. An administrator is shown the recovery key at their "
        "next sign-in in the program.",
    ),
    "db.encryption_check_failed": (
        "Den krypterede kopi af {where} kunne ikke bekræftes; databasen er ikke ændret.",
        "The encrypted copy of {where} could not be verified; the database has not been "
        "changed.",
    ),
    "recovery.key_required": (
        "Gendannelsesnøglen mangler: sæt {env} eller kør kommandoen i en terminal.",
        "The recovery key is missing: set {env} or run the command in a terminal.",
    ),
    "recovery.key_prompt": ("Gendannelsesnøgle: ", "Recovery key: "),
    "recovery.key_invalid": (
        "Det er ikke en gendannelsesnøgle: den har 32 tegn i otte grupper (fx ABCD-EFGH-…).",
        "That is not a recovery key: it has 32 characters in eight groups (e.g. ABCD-EFGH-…).",
    ),
    "recovery.key_wrong": (
        "Gendannelsesnøglen åbner ikke denne database (eller databasen er beskadiget).",
        "The recovery key does not open this database (or the database is damaged).",
    ),
    "recovery.not_admin": (
        "{name} er ikke en aktiv administrator i databasen.",
        "{name} is not an active administrator in the database.",
    ),
    "recovery.done": (
        "{name} har fået en ny adgangskode, og nøglefilen er lavet på ny; de andre brugere "
        "beholder deres adgangskoder.",
        "{name} has a new password and the key file has been made anew; the other users keep "
        "their passwords.",
    ),
    "db.password_needed": (
        "Databaseserveren {where} vil have en adgangskode. Sæt TRAUMEFOKUS_DB_PASSWORD, eller "
        "start programmet og skriv den, når det spørger (den kan huskes i systemets "
        "nøglering).",
        "The database server {where} wants a password. Set TRAUMEFOKUS_DB_PASSWORD, or start "
        "the program and type it when asked (it can be remembered in the system's credential "
        "store).",
    ),
    "db.tls_required": (
        "En fælles database på en anden maskine ({host}) nås kun krypteret (TLS): fjern "
        "sslmode={mode} fra adressen, eller brug sslmode=verify-full med centrets certifikat.",
        "A shared database on another machine ({host}) is reached only encrypted (TLS): remove "
        "sslmode={mode} from the address, or use sslmode=verify-full with the centre's "
        "certificate.",
    ),
    "export.client_copy": (
        "Klientens læsbare kopi: {path}",
        "The client's readable copy: {path}",
    ),
    "db.no_key_file": (
        "Databasen {where} kan ikke læses: den er ikke en almindelig SQLite-fil, og dens "
        "nøglefil {keys} mangler. Er den krypteret, så læg nøglefilen fra den seneste "
        "sikkerhedskopi tilbage, eller åbn den med gendannelsesnøglen (traumefokus recover "
        "--admin NAVN); ellers gendan en sikkerhedskopi. Filen er ikke ændret.",
        "The database {where} cannot be read: it is not a plain SQLite file and its key file "
        "{keys} is missing. If it is encrypted, put back the key file from the latest backup, "
        "or open it with the recovery key (traumefokus recover --admin NAME); otherwise restore "
        "a backup. The file has not been changed.",
    ),
    "db.being_encrypted": (
        "Et andet Traumefokus-program er ved at kryptere databasen {where}. Prøv igen om lidt.",
        "Another Traumefokus program is encrypting the database {where}. Try again in a moment.",
    ),
    "db.encrypted_meanwhile": (
        "Databasen {where} er netop blevet krypteret af et andet Traumefokus-program. Start "
        "igen og log ind med din adgangskode.",
        "The database {where} has just been encrypted by another Traumefokus program. Start "
        "again and sign in with your password.",
    ),
    "audit.day_invalid": (
        "»{value}« er ikke en dato: skriv ÅÅÅÅ-MM-DD, fx 2026-12-01.",
        "“{value}” is not a date: type YYYY-MM-DD, e.g. 2026-12-01.",
    ),
    "keys.missing": (
        "Nøglefilen {path} mangler, så den krypterede database kan ikke låses op med en "
        "adgangskode. Læg nøglefilen fra den seneste sikkerhedskopi tilbage, eller åbn "
        "databasen med gendannelsesnøglen.",
        "The key file {path} is missing, so the encrypted database cannot be unlocked with a "
        "password. Put back the key file from the latest backup, or open the database with the "
        "recovery key.",
    ),
    "keys.unreadable": (
        "Nøglefilen {path} kan ikke læses ({detail}). Filen er ikke ændret.",
        "The key file {path} cannot be read ({detail}). The file has not been changed.",
    ),
    "keys.damaged": (
        "Nøglefilen {path} er beskadiget eller fra en nyere version af Traumefokus. Filen er "
        "ikke ændret. Læg nøglefilen fra den seneste sikkerhedskopi tilbage, eller åbn "
        "databasen med gendannelsesnøglen.",
        "The key file {path} is damaged or from a newer version of Traumefokus. The file has "
        "not been changed. Put back the key file from the latest backup, or open the database "
        "with the recovery key.",
    ),
    "db.unreachable": (
        "Databasen {where} kan ikke nås: {detail}.",
        "The database {where} cannot be reached: {detail}.",
    ),
    "db.create_failed": (
        "Databasen {where} kunne ikke oprettes: {detail}.",
        "The database {where} could not be created: {detail}.",
    ),
    "db.upgrade_failed": (
        "Opgraderingen af databasen {where} mislykkedes ({detail}). En kopi fra før "
        "opgraderingen ligger i {backup}.",
        "Upgrading the database {where} failed ({detail}). A copy from before the upgrade "
        "is in {backup}.",
    ),
    "db.upgrade_failed_unchanged": (
        "Opgraderingen af databasen {where} mislykkedes ({detail}). Intet i den er ændret.",
        "Upgrading the database {where} failed ({detail}). Nothing in it was changed.",
    ),
    # Faults of a SQLite database (storage/sqlite_errors.py, storage/integrity.py)
    "db.disk_full": (
        "Disken med databasen {where} er fuld. Den sidste ændring blev ikke gemt; alt gemt "
        "før den er bevaret. Frigør plads på disken og prøv igen.",
        "The disk is full: the database {where} has no room. The last change was not saved; "
        "everything saved before it is kept. Free some space on the disk and try again.",
    ),
    "db.in_use": (
        "Databasen {where} er i brug af et andet program, som ikke gav slip i tide. Intet er "
        "ændret. Prøv igen om lidt, eller luk det andet program.",
        "The database {where} is in use by another program, which did not let go in time. "
        "Nothing was changed. Try again in a moment, or close the other program.",
    ),
    "db.read_only": (
        "Databasen {where} eller dens mappe er skrivebeskyttet, så intet kan gemmes. Giv dig "
        "selv skriveadgang til mappen (eller flyt datamappen til en disk, der kan skrives på) "
        "og prøv igen. Intet i den er ændret.",
        "The database {where} or its folder is read only, so nothing can be saved. Give "
        "yourself write access to the folder (or move the data directory to a disk that can "
        "be written) and try again. Nothing in it was changed.",
    ),
    "db.read_only_write": (
        "Databasen {where} kan kun læses her, så dette gemmes ikke (og revisionssporet, der "
        "skulle vise det, kan ikke skrives). Intet er ændret.",
        "The database {where} can only be read here, so this is not saved (nor can the audit "
        "trail that would record it be written). Nothing was changed.",
    ),
    "db.read_only_cli": (
        "Databasen {where} eller dens mappe er skrivebeskyttet, så denne kommando kan ikke "
        "køre: den skriver, eller revisionssporet skal vise den. Kommandoer, der kun læser, "
        "virker stadig: audit verify og coding results uden --out. Giv dig selv skriveadgang "
        "til mappen for resten. Intet er ændret.",
        "The database {where} or its folder is read only, so this command cannot run: it "
        "writes, or the audit trail must record it. Commands that only read still work: "
        "audit verify, and coding results without --out. Give yourself write access to the "
        "folder for the rest. Nothing was changed.",
    ),
    "db.damaged": (
        "Databasen {where} er beskadiget, så der skrives ikke mere i den. Gendan den seneste "
        "kontrollerede sikkerhedskopi: {backup}",
        "The database {where} is damaged, so nothing more is written to it. Restore the "
        "latest verified backup: {backup}",
    ),
    "db.emptied": (
        "Databasefilen {where} er tom (0 byte), så den rummer ingen data. Filen er ikke ændret. "
        "Gendan den seneste kontrollerede sikkerhedskopi: {backup} (har der aldrig været en "
        "database her, så slet filen og kør traumefokus init).",
        "The database file {where} is empty (0 bytes), so it holds no data. The file has not "
        "been changed. Restore the latest verified backup: {backup} (if there never was a "
        "database here, delete the file and run traumefokus init).",
    ),
    "db.gone": (
        "Databasen {where} mangler, men der er lavet en database her før ({evidence} findes). "
        "Gendan den seneste kontrollerede sikkerhedskopi: {backup}",
        "The database {where} is missing, but a database was made here before ({evidence} "
        "exists). Restore the latest verified backup: {backup}",
    ),
    "db.wal_missing": (
        "Databasen {where} blev ikke lukket rigtigt sidste gang, og dens logfil {wal} mangler: "
        "de sidste gemte ændringer kan være tabt. Der er ikke skrevet i den. Læg filen tilbage, "
        "hvis den er flyttet, eller gendan den seneste kontrollerede sikkerhedskopi: {backup}. "
        "Vil du fortsætte med det, databasefilen rummer, så slet {marker}.",
        "The database {where} was not closed properly last time and its log file {wal} is "
        "missing: the last saved changes may be lost. Nothing was written to it. Put the file "
        "back if it was moved, or restore the latest verified backup: {backup}. To go on with "
        "what the database file holds, delete {marker}.",
    ),
    "backup.none_found": ("(ingen sikkerhedskopi fundet)", "(no backup found)"),
    "db.server_lost": (
        "Forbindelsen til databaseserveren {where} er tabt ({detail}). Den sidste ændring blev "
        "ikke gemt (vinduet beholder det skrevne og gemmer det, når forbindelsen er tilbage). "
        "Tjek netværket, eller spørg den, der passer serveren.",
        "The connection to the database server {where} is lost ({detail}). The last change was "
        "not saved (the window keeps what was typed and saves it once the connection is back). "
        "Check the network, or ask whoever looks after the server.",
    ),
    "demo.disk_full": (
        "Disken er fuld: demo-centret i {where} blev ikke bygget, og intet af det er gemt. "
        "Frigør plads på disken og kør demo igen.",
        "The disk is full: the demo centre in {where} was not built, and nothing of it was "
        "kept. Free some space on the disk and run demo again.",
    ),
    "db.wal_damaged": (
        "Databasens logfil {wal} er beskadiget: de sidste gemte ændringer i {where} kan være "
        "tabt. Der er ikke skrevet i den. Gendan den seneste kontrollerede sikkerhedskopi: "
        "{backup}. Vil du fortsætte uden logfilens ændringer, så flyt den ud af mappen og "
        "slet {marker}.",
        "The database's log file {wal} is damaged: the last saved changes to {where} may be "
        "lost. Nothing was written to it. Restore the latest verified backup: {backup}. To go "
        "on without the log file's changes, move it out of the folder and delete {marker}.",
    ),
    # Backups
    "backup.done": (
        "Sikkerhedskopien er skrevet og kontrolleret: {path}",
        "The backup is written and verified: {path}",
    ),
    "backup.folder_unusable": (
        "Mappen til sikkerhedskopier {path} kan ikke bruges: {detail}. Databasen er ikke "
        "ændret.",
        "The backup folder {path} cannot be used: {detail}. The database has not been changed.",
    ),
    "backup.copy_damaged": (
        "Kopien af databasen {where} bestod ikke kontrollen, så der er ikke lavet nogen "
        "sikkerhedskopi. Databasen kan være beskadiget: kontakt din administrator.",
        "The copy of the database {where} failed its check, so no backup was made. The "
        "database may be damaged: contact your administrator.",
    ),
    "backup.copy_failed": (
        "Databasen {where} kunne ikke kopieres ({detail}); der er ikke lavet nogen "
        "sikkerhedskopi.",
        "The database {where} could not be copied ({detail}); no backup was made.",
    ),
    "backup.verify_failed": (
        "Sikkerhedskopien kunne ikke læses tilbage ({detail}), så den er slettet igen. Prøv "
        "en anden mappe eller disk.",
        "The backup could not be read back ({detail}), so it was removed again. Try another "
        "folder or disk.",
    ),
    "backup.server_database": (
        "En database på en server sikkerhedskopieres med serverens egne værktøjer (pg_dump), "
        "ikke med Traumefokus.",
        "A database on a server is backed up with the server's own tools (pg_dump), not with "
        "Traumefokus.",
    ),
    "backup.missing": (
        "Sikkerhedskopien {path} findes ikke.",
        "The backup {path} does not exist.",
    ),
    "backup.unreadable": (
        "Sikkerhedskopien {path} kan ikke læses ({detail}). Intet er ændret.",
        "The backup {path} cannot be read ({detail}). Nothing has been changed.",
    ),
    "backup.not_a_backup": (
        "{path} er ikke en brugbar sikkerhedskopi fra Traumefokus (beskadiget, afkortet eller "
        "en anden slags fil). Intet er ændret.",
        "{path} is not a usable Traumefokus backup (damaged, cut short or another kind of "
        "file). Nothing has been changed.",
    ),
    "backup.keys_missing": (
        "Sikkerhedskopien {path} er krypteret, men har ingen nøglefil, så den kan ikke "
        "gendannes med en adgangskode. Intet er ændret.",
        "The backup {path} is encrypted but has no key file, so it cannot be restored with a "
        "password. Nothing has been changed.",
    ),
    "backup.newer": (
        "Sikkerhedskopien {path} er lavet af en nyere version af Traumefokus ({program}). "
        "Installér den nyeste Traumefokus. Intet er ændret.",
        "The backup {path} was made by a newer version of Traumefokus ({program}). Install "
        "the latest Traumefokus. Nothing has been changed.",
    ),
    "backup.newer_schema": (
        "Sikkerhedskopien {path} er fra en nyere version af Traumefokus (skemarevision "
        "{revision}; denne version kender op til {head}). Installér den nyeste Traumefokus. "
        "Intet er ændret.",
        "The backup {path} is from a newer version of Traumefokus (schema revision "
        "{revision}; this version knows up to {head}). Install the latest Traumefokus. "
        "Nothing has been changed.",
    ),
    "backup.damaged": (
        "Databasen i sikkerhedskopien {path} er beskadiget ({detail}). Vælg en anden "
        "sikkerhedskopi. Intet er ændret.",
        "The database in the backup {path} is damaged ({detail}). Choose another backup. "
        "Nothing has been changed.",
    ),
    "restore.not_admin": (
        "{name} er ikke en aktiv administrator i sikkerhedskopien, så den kan ikke gendannes "
        "af {name}. Intet er ændret.",
        "{name} is not an active administrator in the backup, so {name} cannot restore it. "
        "Nothing has been changed.",
    ),
    "restore.in_use": (
        "Databasen {where} er åben i Traumefokus eller en anden kommando. Luk den, og prøv "
        "igen. Intet er ændret.",
        "The database {where} is open in Traumefokus or another command. Close it and try "
        "again. Nothing has been changed.",
    ),
    "restore.live_not_yours": (
        "{name}s adgangskode åbner ikke den nuværende database {where}, så den kan ikke "
        "erstattes af {name}. Gendan i en ny datamappe med --data-dir. Intet er ændret.",
        "{name}'s password does not open the current database {where}, so {name} cannot "
        "replace it. Restore into a new data directory with --data-dir. Nothing has been "
        "changed.",
    ),
    "restore.not_opened": (
        "Den gendannede database {where} kunne ikke åbnes: {problem} Den erstattede database "
        "er gemt i {kept}.",
        "The restored database {where} could not be opened: {problem} The replaced database "
        "is kept in {kept}.",
    ),
    "restore.done": (
        "Sikkerhedskopien er gendannet i {path} (skemarevision {revision}).",
        "The backup is restored in {path} (schema revision {revision}).",
    ),
    "restore.kept": (
        "Den erstattede database er gemt i {path}.",
        "The replaced database is kept in {path}.",
    ),
    "restore.reerased": (
        "{count} slettede klienter fandtes i sikkerhedskopien og er slettet igen.",
        "{count} erased clients were in the backup and have been erased again.",
    ),
    "restore.register_unreadable": (
        "Den erstattede database kunne ikke læses, så kun sikkerhedskopiens register over "
        "slettede klienter er brugt: klienter slettet efter sikkerhedskopien kan være tilbage. "
        "Slet dem igen.",
        "The replaced database could not be read, so only the backup's register of erased "
        "clients was used: clients erased after the backup may be back. Erase them again.",
    ),
    "db.conflict": (
        "{what} er ændret af en anden, mens du arbejdede. Åbn den igen og gentag ændringen.",
        "{what} was changed by someone else while you worked. Open it again and repeat the change.",
    ),
    "db.conflict_by": (
        "{what} er ændret af {name} den {day} kl. {time}, mens du arbejdede. Din ændring er "
        "ikke gemt: åbn den igen og gentag ændringen.",
        "{what} was changed by {name} on {day} at {time} while you worked. Your change is not "
        "saved: open it again and repeat the change.",
    ),
    # Users
    "user.unknown": ("Der findes ingen bruger ved navn {name}.", "There is no user named {name}."),
    "user.inactive": (
        "Brugeren {name} er deaktiveret.",
        "The user {name} has been deactivated.",
    ),
    "user.exists": (
        "Der findes allerede en bruger ved navn {name}.",
        "A user named {name} already exists.",
    ),
    "user.name_invalid": (
        "Brugernavnet »{name}« kan ikke bruges: 1-{max} tegn, bogstaver, tal, punktum, "
        "bindestreg eller understreg, og det skal begynde med et bogstav.",
        "The user name “{name}” cannot be used: 1-{max} characters, letters, digits, dot, "
        "hyphen or underscore, starting with a letter.",
    ),
    "user.name_mixed_scripts": (
        "Brugernavnet »{name}« blander skriftsystemer (fx latinske og kyrilliske bogstaver), "
        "så det kan forveksles med et andet; brug ét skriftsystem.",
        "The user name “{name}” mixes scripts (Latin and Cyrillic letters, say), so it can be "
        "mistaken for another; use one script.",
    ),
    "user.name_confusable": (
        "Brugernavnet »{name}« ligner den eksisterende bruger {other} til forveksling; "
        "vælg et andet.",
        "The user name “{name}” looks like the existing user {other}; choose another.",
    ),
    "user.full_name_too_long": (
        "Det fulde navn må højst være {max} tegn.",
        "The full name may be at most {max} characters.",
    ),
    "user.title_too_long": (
        "Titlen må højst være {max} tegn.",
        "The title may be at most {max} characters.",
    ),
    "user.password_changed": (
        "Ny adgangskode gemt for {name}.",
        "New password saved for {name}.",
    ),
    "user.role_invalid": (
        "Rollen »{role}« findes ikke; vælg mellem {choices}.",
        "The role “{role}” does not exist; choose from {choices}.",
    ),
    "init.already_done": (
        "Databasen har allerede brugere; init opretter kun den første administrator.",
        "The database already has users; init only creates the first administrator.",
    ),
    "init.done": (
        "Oprettede administratoren {name} i {where}.",
        "Created the administrator {name} in {where}.",
    ),
    "access.denied": (
        "{name} ({role}) må ikke {action}.",
        "{name} ({role}) may not {action}.",
    ),
    "access.not_yours": (
        "{name} ({role}) må ikke {action}: det hører til en anden behandlers forløb.",
        "{name} ({role}) may not {action}: it belongs to another therapist's course.",
    ),
    "action.read": ("se forløbet og dets notater", "see the course and its notes"),
    "action.plan": ("planlægge eller ændre forløbet", "plan or change the course"),
    "action.run": (
        "skrive, underskrive eller tilføje til sessionsnotater",
        "write, sign or add to session notes",
    ),
    "action.print": ("udskrive forløbets papirer", "print the course's papers"),
    "action.letter": ("skrive eller udskrive statusbreve", "write or print status letters"),
    "action.clear_flag": ("fjerne et sikkerhedsflag", "clear a safety flag"),
    "action.comment": ("kommentere sessioner", "comment on sessions"),
    "action.co_sign": ("medunderskrive notater", "co-sign notes"),
    "action.grant_cover": ("udpege en medbehandler", "name a co-therapist"),
    "action.reassign": (
        "give forløbet til en anden behandler",
        "give the course to another therapist",
    ),
    "action.see_client": ("se klienten", "see the client"),
    "action.edit_client": ("ændre klienten", "change the client"),
    "action.start_course": ("oprette et forløb for klienten", "start a course for the client"),
    "action.add_client": ("oprette klienter", "add clients"),
    "action.export_records": ("eksportere alle data", "export all records"),
    "action.erase_client": ("slette klienter", "erase clients"),
    "action.export_logbook": ("eksportere logbogen", "export the logbook"),
    "action.export_identifiable": (
        "eksportere logbogen med koder og navne",
        "export the logbook with codes and names",
    ),
    "action.supervise": ("se supervisionsoverblikket", "see the supervision overview"),
    "action.manage_coding": (
        "trække, eksportere og lukke kodningsrunder",
        "draw, export and close coding rounds",
    ),
    "action.coding_results": ("se kodningsrundernes resultater", "see the coding rounds' results"),
    "action.rate": ("rate sessioner i kodningsrunder", "rate sessions in coding rounds"),
    "action.configure": (
        "ændre installationens indstillinger",
        "change the installation's settings",
    ),
    "action.backup": ("tage en sikkerhedskopi af databasen", "back up the database"),
    "action.audit": ("se og kontrollere revisionssporet", "see and check the audit trail"),
    "action.restore": (
        "gendanne databasen fra en sikkerhedskopi",
        "restore the database from a backup",
    ),
    "settings.database_url_locked": (
        "Databasen er låst af din IT-afdeling i systemets konfigurationsfil; "
        "--database-url kan ikke vælge en anden.",
        "The database is locked by your IT department in the system configuration file; "
        "--database-url cannot choose another.",
    ),
    "content.required_retired": (
        "»{value}« kan ikke tages ud af brug: listen skal have den",
        "“{value}” cannot be retired: the list must have it",
    ),
    # Rating the sessions of a coding round, in the app or from a filled rating sheet
    "coding_round.unknown_id": (
        "Kodningsrunden findes ikke længere.",
        "The coding round no longer exists.",
    ),
    "rating.not_coder": (
        "Du er ikke koder i runden {round}.",
        "You are not a coder in the round {round}.",
    ),
    "rating.round_closed": (
        "Runden {round} er lukket: dens ratinger ændres ikke længere.",
        "The round {round} is closed: its ratings no longer change.",
    ),
    "rating.not_in_round": (
        "Sessionen er ikke trukket til runden {round}.",
        "The session was not drawn for the round {round}.",
    ),
    "rating.submitted": (
        "Ratingen er indsendt og ændres ikke længere.",
        "The rating has been submitted and no longer changes.",
    ),
    "rating.incomplete": (
        "Ratingen mangler {count} punkt(er), først {first}: giv hvert en værdi eller en "
        "markering, før den indsendes.",
        "The rating lacks {count} item(s), first {first}: give each a value or a mark "
        "before submitting it.",
    ),
    "rating.unknown_key": (
        "{key} er ikke et punkt på skalaen.",
        "{key} is not an item of the scale.",
    ),
    "rating.na_not_allowed": (
        "{key}: skalaen tillader ikke »ikke relevant«.",
        "{key}: the scale does not allow “not applicable”.",
    ),
    "rating.cant_rate_not_allowed": (
        "{key}: skalaen tillader ikke »kan ikke rates«.",
        "{key}: the scale does not allow “can't rate”.",
    ),
    "rating.not_a_value": (
        "»{value}« er ikke et tal, og heller ikke NA.",
        "“{value}” is not a number, nor NA.",
    ),
    "rating.out_of_range": (
        "{key}: {value} ligger uden for skalaen ({minimum}-{maximum}).",
        "{key}: {value} is outside the scale ({minimum}-{maximum}).",
    ),
    "rating.half_points": (
        "{key}: {value} er ikke et helt eller halvt point.",
        "{key}: {value} is not a whole or half point.",
    ),
    "rating.whole_points": (
        "{key}: skalaen bruger kun hele point, ikke {value}.",
        "{key}: the scale uses whole points only, not {value}.",
    ),
    "rating.note_too_long": (
        "En note må højst have {limit} tegn; denne har {length}.",
        "A note may have at most {limit} characters; this one has {length}.",
    ),
    "rating_import.problem": (
        "{file}, linje {line}, kolonne {column}: {reason} Intet er importeret.",
        "{file}, line {line}, column {column}: {reason} Nothing was imported.",
    ),
    "rating_import.unknown_round": (
        "Der findes ingen kodningsrunde ved navn {round}.",
        "There is no coding round named {round}.",
    ),
    "rating_import.unknown_column": (
        "kolonnen er hverken session, coder, strengths, weaknesses eller et punkt på rundens "
        "skala.",
        "the column is neither session, coder, strengths, weaknesses nor an item of the "
        "round's scale.",
    ),
    "rating_import.repeated_column": (
        "kolonnen står der to gange.",
        "the column appears twice.",
    ),
    "rating_import.missing_column": ("kolonnen mangler.", "the column is missing."),
    "rating_import.extra_cell": (
        "rækken har flere celler end overskriften.",
        "the row has more cells than the header.",
    ),
    "rating_import.unknown_session": (
        "sessionen er ikke trukket til runden.",
        "the session was not drawn for the round.",
    ),
    "rating_import.unknown_coder": (
        "brugeren er ikke koder i runden.",
        "the user is not a coder in the round.",
    ),
    "rating_import.repeated_row": (
        "sessionen og koderen stod allerede på en tidligere linje.",
        "the session and coder were already on an earlier line.",
    ),
    "rating_import.already_submitted": (
        "koderen har indsendt sin rating af sessionen med andre værdier; den ændres ikke.",
        "the coder submitted their rating of the session with other values; it does not "
        "change.",
    ),
    "rating_import.format": (
        "Et ratingark læses som CSV (.csv) eller regneark (.xlsx), ikke som {suffix}.",
        "A rating sheet is read as CSV (.csv) or a spreadsheet (.xlsx), not as {suffix}.",
    ),
    "rating_import.unreadable": (
        "{file} kan ikke læses som ratingark: {detail}",
        "{file} cannot be read as a rating sheet: {detail}",
    ),
    "rating_import.empty": (
        "{file} har ingen overskrift: første linje skal navngive kolonnerne.",
        "{file} has no header: its first line must name the columns.",
    ),
    "rating_import.done": (
        "Importerede ratinger til runden {round}: {submitted} indsendt, {drafts} som kladde, "
        "{unchanged} allerede indsendt.",
        "Imported ratings into the round {round}: {submitted} submitted, {drafts} as drafts, "
        "{unchanged} already submitted.",
    ),
    "action.install_content": ("installere indholdspakker", "install content packs"),
    "action.manage_users": ("administrere brugere", "manage users"),
    "user.unknown_id": ("Brugeren findes ikke længere.", "The user no longer exists."),
    "user.last_admin": (
        "{name} er den sidste aktive administrator og kan ikke miste den rolle.",
        "{name} is the last active administrator and cannot lose that role.",
    ),
    "object.user": ("Brugeren", "The user"),
    "object.client": ("Klienten", "The client"),
    "object.consent": ("Samtykket", "The consent"),
    "object.goal": ("Målet", "The goal"),
    "object.letter": ("Statusbrevet", "The status letter"),
    "object.record": ("Oplysningerne", "The record"),
    "object.rating": ("Ratingen", "The rating"),
    "object.note": ("Notatet", "The note"),
    "object.course": ("Forløbet", "The course"),
    "object.session": ("Sessionen", "The session"),
    "object.itq": ("ITQ-besvarelsen", "The ITQ record"),
    # Signing in and passwords
    "auth.failed": (
        "Forkert brugernavn eller adgangskode.",
        "Wrong user name or password.",
    ),
    "auth.wait": (
        "For mange forkerte forsøg: vent {seconds} sekunder, og prøv igen.",
        "Too many failed attempts: wait {seconds} seconds and try again.",
    ),
    "auth.choose_password": (
        "{name} har endnu ingen adgangskode og skal vælge en nu.",
        "{name} has no password yet and must choose one now.",
    ),
    "auth.no_password": (
        "{name} har endnu ingen adgangskode: en administrator giver brugeren en "
        "(Administration ▸ Brugere ▸ Ny adgangskode).",
        "{name} has no password yet: an administrator gives them one "
        "(Administration ▸ Users ▸ New password).",
    ),
    "auth.password_now_set": (
        "{name} havde ingen adgangskode; den angivne er nu brugerens adgangskode.",
        "{name} had no password; the one given is now their password.",
    ),
    "password.too_short": (
        "Adgangskoden skal være mindst {min} tegn.",
        "The password must be at least {min} characters.",
    ),
    "password.too_long": (
        "Adgangskoden må højst være {max} tegn.",
        "The password may be at most {max} characters.",
    ),
    "password.mismatch": (
        "De to adgangskoder er ikke ens.",
        "The two passwords are not the same.",
    ),
    "cli.password_required": (
        "Kommandoen kræver brugerens adgangskode: sæt {env}, eller kør den i en terminal.",
        "This command needs the user's password: set {env}, or run it in a terminal.",
    ),
    "cli.new_password_required": (
        "Den nye adgangskode mangler: sæt {env}, eller kør kommandoen i en terminal.",
        "The new password is missing: set {env}, or run the command in a terminal.",
    ),
    "cli.password_prompt": ("Adgangskode for {name}: ", "Password for {name}: "),
    "cli.new_password_prompt": ("Ny adgangskode for {name}: ", "New password for {name}: "),
    "cli.repeat_password_prompt": ("Gentag adgangskoden: ", "Repeat the password: "),
    # Files the command line writes
    "out.not_a_file": (
        "{path} er ikke en almindelig fil (en mappe, en enhed, en FIFO eller en sokkel); "
        "vælg et filnavn.",
        "{path} is not a regular file (a folder, a device, a FIFO or a socket); choose a "
        "file name.",
    ),
    "out.protected": (
        "{path} er Traumefokus' egen fil (databasen eller indstillingerne) og overskrives "
        "aldrig; vælg et andet filnavn.",
        "{path} is one of Traumefokus' own files (the database or the settings) and is never "
        "overwritten; choose another file name.",
    ),
    "out.unusable": ("{path} kan ikke bruges: {detail}.", "{path} cannot be used: {detail}."),
    # Clients
    "client.code_required": ("Skriv en klientkode.", "Enter a client code."),
    "client.code_cpr": (
        "Koden ligner et CPR-nummer (seks cifre og fire cifre). Traumefokus gemmer aldrig "
        "CPR-numre: brug centrets klientkode.",
        "The code looks like a CPR number (six digits and four digits). Traumefokus never "
        "stores CPR numbers: use the centre's client code.",
    ),
    "client.code_invalid": (
        "Klientkoden »{code}« kan ikke bruges: 1-{max} tegn, bogstaver, tal, punktum, "
        "bindestreg, skråstreg eller understreg.",
        "The client code “{code}” cannot be used: 1-{max} characters, letters, digits, dot, "
        "hyphen, slash or underscore.",
    ),
    "client.exists": (
        "Der findes allerede en klient med koden {code}.",
        "A client with the code {code} already exists.",
    ),
    "client.name_too_long": (
        "Navnet må højst være {max} tegn.",
        "The name may be at most {max} characters.",
    ),
    "client.name_cpr": (
        "Navnet eller stedet indeholder noget, der ligner et CPR-nummer. Traumefokus gemmer "
        "aldrig CPR-numre.",
        "The name or the site holds something that looks like a CPR number. Traumefokus "
        "never stores CPR numbers.",
    ),
    "client.site_too_long": (
        "Stedet må højst være {max} tegn.",
        "The site may be at most {max} characters.",
    ),
    "client.unknown_id": ("Klienten findes ikke længere.", "The client no longer exists."),
    "client.added": ("Oprettede klienten {code}.", "Created the client {code}."),
    "erase.course_open": (
        "Klienten {code} har et planlagt eller aktivt forløb og kan ikke slettes. Afslut "
        "forløbet først: oplysningerne skal derefter gemmes i opbevaringsperioden.",
        "The client {code} has a planned or active course and cannot be erased. End the "
        "course first: the records must then be kept for the retention period.",
    ),
    "erase.too_early": (
        "Klienten {code} kan først slettes fra {date}: oplysningerne gemmes {years} år efter "
        "det sidste forløbs afslutning ({ended}). Intet er slettet.",
        "The client {code} can be erased from {date}: the records are kept {years} years "
        "after the last course ended ({ended}). Nothing has been erased.",
    ),
    "erase.today_future": (
        "--today {day} ligger efter i dag: en sletning regnes aldrig fra en dag, der ikke er "
        "kommet endnu.",
        "--today {day} is after today: an erasure is never counted from a day still to come.",
    ),
    "erase.done": (
        "Slettede klienten {code}: {courses} forløb og {sessions} sessioner med alt, hvad der "
        "hører til. Revisionssporet har kun klientens id.",
        "Erased the client {code}: {courses} courses and {sessions} sessions with everything "
        "that belongs to them. The audit trail holds only the client's id.",
    ),
    "erase.backups": (
        "Sikkerhedskopier fra før i dag indeholder stadig klienten, indtil de udtyndes; en "
        "gendannelse sletter klienten igen.",
        "Backups made before today still hold the client until they are thinned out; a "
        "restore erases the client again.",
    ),
    "user.added": ("Oprettede brugeren {name} ({role}).", "Created the user {name} ({role})."),
    # Courses and their plans
    "course.unknown_id": ("Forløbet findes ikke længere.", "The course no longer exists."),
    "course.programme_unknown": (
        "Programmet {programme} findes ikke; installér det først.",
        "The programme {programme} does not exist; install it first.",
    ),
    "course.therapist_self": (
        "En behandler opretter forløb med sig selv som behandler.",
        "A therapist starts courses with themselves as the therapist.",
    ),
    "course.reassign_closed": (
        "Kun et planlagt eller aktivt forløb kan gives til en anden behandler.",
        "Only a planned or active course can be given to another therapist.",
    ),
    "course.reassign_same": (
        "Forløbet er allerede {name}s.",
        "The course is already {name}'s.",
    ),
    "cover.own_therapist": (
        "{name} er forløbets behandler og kan ikke også være medbehandler.",
        "{name} is the course's therapist and cannot also be its co-therapist.",
    ),
    "cover.already": (
        "{name} er allerede medbehandler på forløbet.",
        "{name} is already co-therapist on the course.",
    ),
    "cover.unknown": (
        "Brugeren er ikke medbehandler på forløbet.",
        "The user is not co-therapist on the course.",
    ),
    "course.therapist_invalid": (
        "Vælg en aktiv bruger med rollen behandler.",
        "Choose an active user with the role therapist.",
    ),
    "course.one_open": (
        "Klienten {code} har allerede et {status} forløb (start {start}). En klient kan kun "
        "have ét aktivt eller planlagt forløb ad gangen: afslut det først.",
        "The client {code} already has a course that is {status} (start {start}). A client "
        "can have only one active or planned course at a time: end it first.",
    ),
    "course.not_open": (
        "Forløbet er {status} og kan ikke ændres.",
        "The course is {status} and cannot be changed.",
    ),
    "course.themes_unfinished": (
        "Forløbet kan ikke afsluttes som gennemført: temaerne {themes} er hverken afholdt "
        "eller droppet med en begrundelse. Hold dem, eller drop dem fra den session, der ikke "
        "blev afholdt.",
        "The course cannot be completed: the themes {themes} were neither held nor dropped "
        "with a reason. Hold them, or drop them from the session that was not held.",
    ),
    "course.end_status_invalid": (
        "Et forløb afsluttes som gennemført eller afbrudt, ikke »{status}«.",
        "A course ends as completed or ended early, not “{status}”.",
    ),
    "course.end_reason_required": (
        "Vælg hvorfor forløbet sluttede før tid.",
        "Choose why the course ended early.",
    ),
    "course.end_reason_text_required": (
        "Skriv hvorfor, når årsagen er »Andet«.",
        "Say why when the reason is “Other”.",
    ),
    "session.unknown_id": ("Sessionen findes ikke længere.", "The session no longer exists."),
    "session.already_recorded": (
        "Session {session} er allerede registreret som {attendance} og kan ikke planlægges om.",
        "Session {session} is already recorded as {attendance} and cannot be re-planned.",
    ),
    "session.attendance_invalid": (
        "»{attendance}« er ikke et fremmøde; vælg afholdt, udeblevet, aflyst af klienten "
        "eller aflyst af centret.",
        "“{attendance}” is not an attendance; choose held, no-show, cancelled by the client "
        "or cancelled by the centre.",
    ),
    "plan.weekday_invalid": ("Ugedagen {weekday} findes ikke.", "There is no weekday {weekday}."),
    "plan.before_start": (
        "{date} ligger før forløbets start {start}.",
        "{date} is before the course starts on {start}.",
    ),
    "plan.theme_not_offered": (
        "Temaet »{theme}« tilbydes ikke i dette program.",
        "The theme “{theme}” is not offered in this programme.",
    ),
    "plan.theme_duplicate": (
        "Temaet »{theme}« er valgt to gange; vælg forskellige temaer.",
        "The theme “{theme}” is chosen twice; choose different themes.",
    ),
    "plan.theme_count": (
        "Der er valgt {count} temaer; der skal vælges {expected}.",
        "{count} themes are chosen; choose {expected}.",
    ),
    "plan.theme_of_held_session": (
        "Session {session} er holdt med temaet »{theme}«; det kan ikke ændres.",
        "Session {session} was held with the theme “{theme}”; that cannot change.",
    ),
    "plan.theme_has_session": (
        "Temaet »{theme}« har allerede en session; byt eller udsæt i stedet.",
        "The theme “{theme}” already has a session; swap or defer instead.",
    ),
    "course.content_missing": (
        "Forløbets program {programme} {version} eller pakke {pack} {pack_version} findes "
        "ikke i datamappen.",
        "The course's programme {programme} {version} or pack {pack} {pack_version} is not in "
        "the data directory.",
    ),
    "plan.swap_needs_themes": (
        "Session {session} har intet traumetema at bytte.",
        "Session {session} has no trauma theme to swap.",
    ),
    "plan.defer_needs_theme": (
        "Session {session} har intet traumetema at udsætte.",
        "Session {session} has no trauma theme to defer.",
    ),
    "session.theme_held_on_ended_course": (
        "Forløbet er afsluttet, og temaet i session {session} er talt med som afholdt; "
        "fremmødet kan ikke længere ændres til ikke afholdt.",
        "The course has ended, and the theme of session {session} counts as held; its "
        "attendance can no longer become not held.",
    ),
    "session.theme_decided": (
        "Temaet fra session {session} er allerede flyttet, erstattet eller droppet, så "
        "sessionen forbliver registreret som ikke afholdt. Blev temaet alligevel arbejdet med, "
        "så registrér det i den ekstra session.",
        "The theme of session {session} was already moved on, replaced or dropped, so the "
        "session stays recorded as not held. If the theme was worked on after all, record it "
        "in the extra session.",
    ),
    "plan.theme_not_missed": (
        "Temaet i session {session} venter ikke på en beslutning: sessionen er ikke "
        "registreret som ikke afholdt, eller temaet er allerede flyttet, erstattet eller "
        "droppet.",
        "The theme of session {session} is not waiting for a decision: the session is not "
        "recorded as not held, or the theme was already moved, replaced or dropped.",
    ),
    "plan.drop_reason_required": (
        "Skriv hvorfor temaet droppes.",
        "Say why the theme is dropped.",
    ),
    "plan.extra_kind_invalid": (
        "En ekstra session er traumefokuseret eller MOVE, ikke »{kind}«.",
        "An extra session is trauma-focused or MOVE, not “{kind}”.",
    ),
    "plan.shift_zero": ("Flyt med mindst én dag.", "Move by at least one day."),
    "plan.created": (
        "Forløbet planlagt efter {programme}: {sessions} sessioner fra {start}",
        "Course planned from {programme}: {sessions} sessions from {start}",
    ),
    "plan.themes_chosen": ("Temaer valgt: {themes}", "Themes chosen: {themes}"),
    "plan.rescheduled": (
        "Session {session} flyttet fra {old} til {new}",
        "Session {session} moved from {old} to {new}",
    ),
    "plan.swapped": (
        "Temaerne i session {first} og {second} byttet",
        "Themes of sessions {first} and {second} swapped",
    ),
    "plan.deferred": (
        "Temaet {theme} i session {session} udsat (almindelig MOVE-session i stedet); temaet "
        "flyttet til en ekstra session {new}, {moved} senere sessioner rykket",
        "Theme {theme} of session {session} put aside (an ordinary MOVE session instead); "
        "the theme moved to an extra session on {new}, {moved} later sessions moved",
    ),
    "plan.theme_deferred": (
        "Temaet {theme} fra session {session}, som ikke blev afholdt, flyttet til en ekstra "
        "session {new}; {moved} senere sessioner rykket",
        "Theme {theme} of session {session}, which was not held, moved to an extra session "
        "on {new}; {moved} later sessions moved",
    ),
    "plan.theme_replaced": (
        "Temaet {theme} fra session {session}, som ikke blev afholdt, erstattet af {new_theme} "
        "i en ekstra session {new}; {moved} senere sessioner rykket",
        "Theme {theme} of session {session}, which was not held, replaced by {new_theme} in "
        "an extra session on {new}; {moved} later sessions moved",
    ),
    "plan.theme_dropped": (
        "Temaet {theme} fra session {session}, som ikke blev afholdt, droppet",
        "Theme {theme} of session {session}, which was not held, dropped",
    ),
    "plan.extra_added": (
        "Ekstra {kind} session tilføjet {date} (tema: {theme})",
        "Extra {kind} session added on {date} (theme: {theme})",
    ),
    "plan.shifted": (
        "{count} sessioner fra session {session} flyttet {days} dage",
        "{count} sessions from session {session} moved {days} days",
    ),
    "plan.cover_granted": (
        "{user} er udpeget som medbehandler",
        "{user} named co-therapist",
    ),
    "plan.cover_withdrawn": (
        "{user} er ikke længere medbehandler",
        "{user} no longer co-therapist",
    ),
    "plan.reassigned": (
        "Forløbet er givet fra {old} til {new}",
        "Course given from {old} to {new}",
    ),
    "plan.ended": (
        "Forløbet afsluttet {date}: {status} (årsag: {end_reason})",
        "Course ended on {date}: {status} (reason: {end_reason})",
    ),
    "plan.inclusion_confirmed": (
        "Forløbet fortsætter, selvom ITQ ved forsamtalen ({date}) ikke viser PTSD-symptomer",
        "The course goes on although the ITQ at assessment ({date}) does not show PTSD symptoms",
    ),
    "inclusion.nothing_to_confirm": (
        "Der er intet at bekræfte: ITQ ved forsamtalen viser PTSD-symptomer, eller der er "
        "ingen endnu.",
        "There is nothing to confirm: the ITQ at assessment shows PTSD symptoms, or there is "
        "none yet.",
    ),
    "inclusion.already_confirmed": (
        "Det er allerede bekræftet, at forløbet fortsætter.",
        "It is already confirmed that the course goes on.",
    ),
    # Session notes
    "note.signed": (
        "Notatet er underskrevet og kan ikke ændres. Skriv et tillæg i stedet.",
        "The note is signed and cannot be changed. Write an addendum instead.",
    ),
    "note.addendum_needs_signed": (
        "Tillæg skrives til underskrevne notater; ret kladden i stedet.",
        "Addenda are for signed notes; change the draft instead.",
    ),
    "note.addendum_empty": ("Skriv tillægget.", "Write the addendum."),
    "note.text_too_long": (
        "En tekst må højst være {max} tegn.",
        "A text may be at most {max} characters.",
    ),
    "note.score_out_of_range": (
        "{field}: {value} ligger uden for skalaen {low}-{high}.",
        "{field}: {value} is outside the scale {low}-{high}.",
    ),
    "note.value_invalid": (
        "{field}: »{value}« kan ikke bruges i denne session.",
        "{field}: “{value}” cannot be used in this session.",
    ),
    # The logbook's fields (issue 13)
    "note.gift_card_amount": (
        "Et gavekort, der er givet, har et beløb i hele kroner fra {low} til {high}.",
        "A gift card that was given has an amount in whole kroner from {low} to {high}.",
    ),
    "note.gift_card_amount_without_card": (
        "Et beløb hører kun til et gavekort, der er givet.",
        "An amount belongs only to a gift card that was given.",
    ),
    "note.other_treatment_kind": (
        "Anden behandling: »{value}« står ikke på listen, eller står der to gange.",
        "Other treatment: “{value}” is not on the list, or is there twice.",
    ),
    "note.recording_file_invalid": (
        "Optagelsens filnavn må højst have {max} tegn og ingen linjeskift.",
        "The recording's file name may have at most {max} characters and no line breaks.",
    ),
    "note.recording_without_consent": (
        "Sessionen den {day} kan ikke markeres som optaget: {code} havde ikke givet samtykke "
        "til lydoptagelse den dag. Registrér samtykket på klienten først.",
        "The session on {day} cannot be marked as recorded: {code} had not consented to audio "
        "recording on that day. Record the consent on the client first.",
    ),
    "session.not_held_reason_invalid": (
        "»{reason}« står ikke på listen over grunde til, at en session ikke blev holdt.",
        "“{reason}” is not on the list of reasons why a session was not held.",
    ),
    "session.not_held_reason_for_held": (
        "En session, der blev holdt, har ingen grund til ikke at være holdt.",
        "A session that was held has no reason for not being held.",
    ),
    "session.held_by_invalid": (
        "Sessionen kan kun stå som holdt af forløbets behandler eller en medbehandler på "
        "forløbet, og kun når den blev holdt.",
        "A session can only be held by the course's therapist or a co-therapist on the "
        "course, and only when it was held.",
    ),
    "consent.unknown_id": ("Samtykket findes ikke længere.", "The consent no longer exists."),
    "consent.in_force": (
        "{code} har allerede et samtykke til lydoptagelse fra {day}, som ikke er trukket "
        "tilbage.",
        "{code} already has a consent to audio recording from {day} that is not withdrawn.",
    ),
    "consent.in_future": (
        "Datoen {day} ligger i fremtiden; registrér samtykket, når det er givet.",
        "The date {day} is in the future; record the consent once it is given.",
    ),
    "consent.withdrawn_already": (
        "Samtykket blev allerede trukket tilbage {day}.",
        "The consent was already withdrawn on {day}.",
    ),
    "consent.withdrawn_before_given": (
        "Et samtykke kan ikke trækkes tilbage før den dag, det blev givet ({day}).",
        "A consent cannot be withdrawn before the day it was given ({day}).",
    ),
    "consent.withdrawn_before_recording": (
        "Samtykket kan ikke trækkes tilbage fra {day}: sessionen den {recorded} er markeret som "
        "lydoptaget. Træk det tilbage fra en senere dag, eller fjern markeringen i sessionens "
        "kladde først.",
        "The consent cannot be withdrawn from {day}: the session on {recorded} is marked as "
        "audio recorded. Withdraw it from a later day, or clear the mark in the session's "
        "draft first.",
    ),
    "flag.clear_note_required": (
        "Skriv hvad der er gjort ved det, før du rydder sikkerhedsflaget.",
        "Say what has been done about it before clearing the safety flag.",
    ),
    "flag.empty": (
        "Skriv hvad det usikre var, før du sætter et sikkerhedsflag.",
        "Say what the unsafe behaviour was before raising a safety flag.",
    ),
    "flag.unknown_id": (
        "Sikkerhedsflaget findes ikke længere.",
        "The safety flag no longer exists.",
    ),
    # Supervisors' comments and co-signatures
    "comment.empty": ("Skriv kommentaren.", "Write the comment."),
    "comment.unknown_id": ("Kommentaren findes ikke længere.", "The comment no longer exists."),
    "comment.session_elsewhere": (
        "Sessionen hører ikke til dette forløb.",
        "The session does not belong to this course.",
    ),
    "note.cosign_needs_signed": (
        "Kun et underskrevet notat kan medunderskrives.",
        "Only a signed note can be co-signed.",
    ),
    "note.cosigned_already": (
        "Notatet er allerede medunderskrevet af {user}.",
        "The note is already co-signed by {user}.",
    ),
    "note.cosign_own": (
        "Du har selv underskrevet notatet; en anden skal medunderskrive det.",
        "You signed the note yourself; someone else must co-sign it.",
    ),
    "pace.over_target": (
        "{minutes} min – målet er {target} min.",
        "{minutes} min – the target is {target} min.",
    ),
    "pace.theme_time_up": (
        "Temaets tid er gået: {left} min tilbage til tjek-ud.",
        "The theme's time is up: {left} min left for the check-out.",
    ),
    "pace.over_max": (
        "{over} min over tiden (højst {max} min).",
        "over by {over} min (at most {max} min).",
    ),
    "pace.theme_time_up_short": (
        "Temaets tid er gået efter kun {minutes} af mindst {min} min: "
        "{left} min tilbage til tjek-ud.",
        "The theme's time is up after only {minutes} of at least {min} min: "
        "{left} min left for the check-out.",
    ),
    "pace.theme_short": (
        "Temaet når kun {reach} min, hvis tjek-ud skal have sin tid – mindst {min} min.",
        "The theme only gets {reach} min if the check-out keeps its time – at least {min} min.",
    ),
    "pace.theme_cut_short": (
        "Temaet blev kortet af: {minutes} min, under minimum på {min} min.",
        "The theme was cut short: {minutes} min, under its minimum of {min} min.",
    ),
    "goal.empty": (
        "Skriv målet med klientens egne ord.",
        "Write the goal in the client's own words.",
    ),
    "goal.too_long": (
        "Et mål må højst være {max} tegn.",
        "A goal may be at most {max} characters.",
    ),
    "goal.unknown_id": ("Målet findes ikke længere.", "The goal no longer exists."),
    "itq.occasion_invalid": (
        "ITQ gives ved afdækning eller opfølgning, ikke »{occasion}«.",
        "The ITQ is given at assessment or follow-up, not “{occasion}”.",
    ),
    "itq.unknown_id": ("ITQ-besvarelsen findes ikke længere.", "The ITQ record no longer exists."),
    # ITQ
    "itq.unknown_item": (
        "ITQ har intet spørgsmål {item}; spørgsmålene hedder P1-P9 og C1-C9.",
        "The ITQ has no item {item}; the items are P1-P9 and C1-C9.",
    ),
    "itq.item_out_of_range": (
        "ITQ-spørgsmål {item} har værdien {value}; kun 0-4 er gyldige.",
        "ITQ item {item} has the value {value}; only 0-4 are valid.",
    ),
    # Content packs and programmes: "<file>: <field>: " comes before each of these
    "content.invalid": (
        "{path} har {count} problem(er) og er ikke indlæst.",
        "{path} has {count} problem(s) and was not loaded.",
    ),
    "content.not_found": ("{path} findes ikke.", "{path} does not exist."),
    "content.not_content": (
        "{path} er hverken en indholdspakke (en mappe med pack.toml) eller et program "
        "(en .toml-fil).",
        "{path} is neither a content pack (a folder with pack.toml) nor a programme "
        "(a .toml file).",
    ),
    "content.file_missing": ("filen mangler", "the file is missing"),
    "content.unreadable": ("filen kan ikke læses: {detail}", "the file cannot be read: {detail}"),
    "content.bad_encoding": (
        "filen er ikke gyldig UTF-8 (ved byte {position}); gem den som UTF-8",
        "the file is not valid UTF-8 (at byte {position}); save it as UTF-8",
    ),
    "content.toml_syntax": ("ugyldig TOML: {detail}", "invalid TOML: {detail}"),
    "content.empty_text": ("filen er tom", "the file is empty"),
    "content.toml_too_deep": (
        "ugyldig TOML: tabellerne eller listerne er lagt for dybt i hinanden",
        "invalid TOML: the tables or lists are nested too deep",
    ),
    "content.toml_number": (
        "ugyldig TOML: et tal har for mange cifre",
        "invalid TOML: a number has too many digits",
    ),
    "content.not_a_file": (
        "filen er ikke en almindelig fil, men {kind}, og læses ikke",
        "the file is not a regular file but {kind}, and is not read",
    ),
    "content.too_large": (
        "filen fylder {size} byte; en fil må højst fylde {limit} byte",
        "the file has {size} bytes; a file may have at most {limit} bytes",
    ),
    "content.outside_pack": (
        "filen (eller en genvej på vejen til den) fører uden for pakkens mappe; en pakke "
        "læses kun fra sin egen mappe",
        "the file (or a link on the way to it) leads outside the pack's folder; a pack is "
        "read only from its own folder",
    ),
    "content.pack_too_large": (
        "pakkens tekster fylder over {limit} byte i alt; resten er ikke læst",
        "the pack's texts exceed {limit} bytes in all; the rest was not read",
    ),
    "content.too_many_themes": (
        "der er {count} temaer; en pakke har højst {maximum}",
        "there are {count} themes; a pack has at most {maximum}",
    ),
    "file_kind.folder": ("en mappe", "a folder"),
    "file_kind.fifo": ("en navngiven pipe (FIFO)", "a named pipe (FIFO)"),
    "file_kind.device": ("en enhed", "a device"),
    "file_kind.socket": ("en socket", "a socket"),
    "file_kind.other": ("en særlig fil", "a special file"),
    "content.required": ("skal udfyldes", "is required"),
    "content.wrong_type": ("skal være {expected}", "must be {expected}"),
    "content.unknown_field": (
        "ukendt felt (er det stavet rigtigt?)",
        "unknown field (is it spelt right?)",
    ),
    "content.too_small": (
        "{value} er for lille; mindst {minimum}",
        "{value} is too small; at least {minimum}",
    ),
    "content.choice": (
        "»{value}« er ikke gyldig; vælg mellem {choices}",
        "“{value}” is not valid; choose from {choices}",
    ),
    "content.bad_id": (
        "»{value}« er ikke et gyldigt id: små bogstaver, tal og bindestreger",
        "“{value}” is not a valid id: lower-case letters, digits and hyphens",
    ),
    "content.id_too_long": (
        "»{value}« er for langt til et id: højst {max} tegn",
        "“{value}” is too long for an id: at most {max} characters",
    ),
    "content.bad_version": (
        "»{value}« er ikke en version som 1.0.0",
        "“{value}” is not a version like 1.0.0",
    ),
    "content.duplicate_id": (
        "id'et »{value}« er brugt mere end én gang",
        "the id “{value}” is used more than once",
    ),
    "content.format_unsupported": (
        "format {value} kendes ikke; denne version af Traumefokus læser format {supported}",
        "format {value} is unknown; this version of Traumefokus reads format {supported}",
    ),
    "content.theme_part_missing": (
        "temaet har indhold, men mangler {part}; et tema med indhold skal være komplet",
        "the theme has content but lacks {part}; a theme with content must be complete",
    ),
    "content.worksheet_count": (
        "{count} arbejdsark; et tema skal have {minimum} til {maximum}",
        "{count} worksheets; a theme needs {minimum} to {maximum}",
    ),
    "content.unknown_pack": (
        "pakken »{pack}« findes ikke; installér den først",
        "the pack “{pack}” does not exist; install it first",
    ),
    "content.method_mismatch": (
        "programmet er {method}, men pakken {pack} er {pack_method}",
        "the programme is {method} but the pack {pack} is {pack_method}",
    ),
    "content.unknown_theme": (
        "temaet »{theme}« findes ikke i pakken {pack} {version}",
        "the theme “{theme}” does not exist in the pack {pack} {version}",
    ),
    "content.offered_incomplete": (
        "temaet »{theme}« tilbydes, men er ikke komplet i pakken {pack} {version}",
        "the theme “{theme}” is offered but is not complete in the pack {pack} {version}",
    ),
    "content.offered_too_few": (
        "der tilbydes {offered} temaer, men der skal vælges {choose}",
        "{offered} themes are offered but {choose} must be chosen",
    ),
    "content.trauma_slots": (
        "forløbet har {count} traumefokuserede sessioner, men der vælges {choose} temaer",
        "the course has {count} trauma-focused sessions but {choose} themes are chosen",
    ),
    "content.numbers": (
        "sessionsnumrene skal være 0, 1, 2 … i rækkefølge uden huller (fandt {numbers})",
        "the session numbers must be 0, 1, 2 … in order without gaps (found {numbers})",
    ),
    "content.follow_up_months": (
        "opfølgning ligger {allowed} måneder efter sidste session, hver højst én gang",
        "follow-ups are {allowed} months after the last session, each at most once",
    ),
    "content.too_many_sessions": (
        "sessionerne nummereres 0 til {maximum} i et MOVE-forløb (fandt {last})",
        "sessions are numbered 0 to {maximum} in a MOVE course (found {last})",
    ),
    "db.url_invalid": (
        "--database-url kan ikke bruges: {detail}. Skriv en SQLAlchemy-URL, fx "
        "postgresql+psycopg://bruger@vært/database",
        "--database-url cannot be used: {detail}. Give a SQLAlchemy URL such as "
        "postgresql+psycopg://user@host/database",
    ),
    "db.driver_missing": (
        "Databasen {where} kræver driveren {driver}, som ikke er installeret.",
        "The database {where} needs the driver {driver}, which is not installed.",
    ),
    "content.min_over_max": (
        "minimum {min} er større end maksimum {max}",
        "the minimum {min} is greater than the maximum {max}",
    ),
    "content.min_over_target": (
        "minimum {min} min er større end målet {target} min",
        "the minimum {min} min is greater than the target {target} min",
    ),
    "content.target_over_max": (
        "målet {target} min er større end maksimum {max} min",
        "the target {target} min is greater than the maximum {max} min",
    ),
    "content.agenda_over_length": (
        "dagsordenens mål giver i alt {total} min, mere end sessionens længde på {length} min",
        "the agenda targets add up to {total} min, more than the session length of {length} min",
    ),
    "content.trauma_agenda": (
        "en traumefokuseret session har dagsordenen {expected} (fandt {found})",
        "a trauma-focused session has the agenda {expected} (found {found})",
    ),
    "content.other_reason_missing": (
        "listen skal have årsagen »other« (med egne ord)",
        "the list must have the reason “other” (in the user's own words)",
    ),
    "content.itq_scale": (
        "skalaen skal have 5 trin (0-4), ikke {count}",
        "the scale must have 5 steps (0-4), not {count}",
    ),
    "content.itq_items": (
        "spørgsmålene skal være {expected} hver én gang (fandt {found})",
        "the items must be {expected}, each once (found {found})",
    ),
    "content.scale_range": (
        "min {min} skal være mindre end max {max}",
        "min {min} must be less than max {max}",
    ),
    "content.out_of_range": (
        "{value} ligger uden for skalaen {min}-{max}",
        "{value} is outside the scale's range {min}-{max}",
    ),
    "content.part_unused": (
        "ingen vurdering tæller i denne del",
        "no rating counts in this part",
    ),
    "content.bad_item_id": (
        "»{value}« er ikke et gyldigt punkt-id: bogstaver, tal og bindestreger, ingen punktum",
        "“{value}” is not a valid item id: letters, digits and hyphens, no full stop",
    ),
    "content.unknown_ref": (
        "»{value}« findes ikke; kendte id'er: {known}",
        "“{value}” does not exist; known ids: {known}",
    ),
    "content.scale_id_mismatch": (
        "skalaens id er »{value}«, men filen er skalaen {name}; omdøb filen eller ret id'et",
        "the scale's id is “{value}” but the file is the scale {name}; rename the file or fix "
        "the id",
    ),
    "content.scale_method": (
        "skalaen er til {found}, men filen bruges til {method}",
        "the scale is for {found} but the file is used for {method}",
    ),
    "content.scale_version_missing": (
        "Skalaen {id} version {version} findes ikke (fandt: {found}). Læg den gamle fil i "
        "datamappen som {keep}.",
        "The scale {id} version {version} is not there (found: {found}). Put the old file in "
        "the data directory as {keep}.",
    ),
    "content.scale_summary": (
        "{id} {version} ({method}, {language}): gyldig – {items} punkter, {ratings} "
        "vurderinger, dele: {parts}; {generic} punkter med generisk ordlyd",
        "{id} {version} ({method}, {language}): valid – {items} items, {ratings} ratings, "
        "parts: {parts}; {generic} items with generic wording",
    ),
    "content.version_taken": (
        "{id} {version} er allerede installeret med andet indhold; hæv versionsnummeret",
        "{id} {version} is already installed with other content; raise the version number",
    ),
    "content.installed": (
        "Installerede {kind} {id} {version} i {path}.",
        "Installed {kind} {id} {version} in {path}.",
    ),
    "content.already_installed": (
        "{kind} {id} {version} er allerede installeret med samme indhold; intet ændret.",
        "{kind} {id} {version} is already installed with the same content; nothing changed.",
    ),
    "content.pack_summary": (
        "{id} {version} ({method}, {language}): gyldig – {themes} temaer, {complete} komplette, "
        "{worksheets} arbejdsark",
        "{id} {version} ({method}, {language}): valid – {themes} themes, {complete} complete, "
        "{worksheets} worksheets",
    ),
    "content.list_summary": (
        "{file}: gyldig – {count} valgmuligheder ({ids})",
        "{file}: valid – {count} choices ({ids})",
    ),
    "content.programme_summary": (
        "{id} {version} ({method}, pakke {pack}): gyldig – {sessions} sessioner, {offered} "
        "temaer tilbydes, {choose} vælges",
        "{id} {version} ({method}, pack {pack}): valid – {sessions} sessions, {offered} themes "
        "offered, {choose} chosen",
    ),
    "content.list_header": (
        "type       id                 version  kilde       sti",
        "kind       id                 version  source      path",
    ),
    "kind.pack": ("pakke", "pack"),
    "kind.programme": ("program", "programme"),
    "source.shipped": ("medfølger", "shipped"),
    "source.installed": ("installeret", "installed"),
    "type.text": ("en tekst", "a text"),
    "type.integer": ("et helt tal", "a whole number"),
    "type.boolean": ("true eller false", "true or false"),
    "type.table": ("en tabel", "a table"),
    "type.list": ("en liste", "a list"),
    "type.text_list": ("en liste af tekster", "a list of texts"),
    "type.table_list": ("en liste af tabeller", "a list of tables"),
    "part.quote": ("et citat (quote)", "a quote"),
    "part.commitments": ("forslag til forpligtelser (commitments)", "suggested commitments"),
    "part.worksheets": ("arbejdsark (worksheets)", "worksheets"),
    # Demo data
    "demo.not_empty": (
        "Databasen har allerede brugere; demo bygges kun i en tom datamappe.",
        "The database already has users; the demo is built only in an empty data directory.",
    ),
    "demo.done": (
        "Byggede demo-centret i {where}: {users} brugere, {clients} klienter, {courses} "
        "forløb, {sessions} sessioner ({seconds} s). Demo-brugere: admin, supervisor, coder, "
        "coder2, mette.h, jonas.k, sara.l; adgangskoden er traumefokus-demo.",
        "Built the demo centre in {where}: {users} users, {clients} clients, {courses} "
        "courses, {sessions} sessions ({seconds} s). Demo users: admin, supervisor, coder, "
        "coder2, mette.h, jonas.k, sara.l; the password is traumefokus-demo.",
    ),
    # Printed documents
    "print.no_notes": (
        "Forløbet har endnu ingen sessionsnoter at udskrive.",
        "The course has no session notes to print yet.",
    ),
    "print.worksheet_unknown": (
        "Sessionens tema har intet arbejdsark med id'et {worksheet}.",
        "The session's theme has no worksheet with the id {worksheet}.",
    ),
    "print.printer_unavailable": (
        "Printeren kunne ikke tage imod udskriften. Tjek, at den er tændt og valgt, og prøv igen.",
        "The printer could not take the job. Check that it is switched on and chosen, and "
        "try again.",
    ),
    "print.no_page_chosen": (
        "Sidevalget nævner ingen af dokumentets sider (1-{pages}), så intet blev udskrevet. "
        "Vælg sider mellem 1 og {pages}, eller alle sider.",
        "The page list names none of the document's pages (1-{pages}), so nothing was "
        "printed. Choose pages between 1 and {pages}, or all pages.",
    ),
    "print.queue_missing": (
        "Printeren {printer} findes ikke i systemets printerindstillinger. Vælg en anden "
        "printer, eller bed IT om at sætte den op igen.",
        "The printer {printer} is not in the system's printer settings. Choose another "
        "printer, or ask IT to set it up again.",
    ),
    "print.lp_failed": (
        "Printeren {printer} tog ikke imod udskriften (lp svarede med fejlkode {code}). Tjek, "
        "at den er tændt og tager imod job, og prøv igen.",
        "The printer {printer} did not take the job (lp answered with error code {code}). "
        "Check that it is switched on and accepting jobs, and try again.",
    ),
    "print.lp_timeout": (
        "Printersystemet svarede ikke inden for {seconds} sekunder. Se i printerens kø, om "
        "udskriften kom med, før du prøver igen.",
        "The print system did not answer within {seconds} seconds. Look in the printer's "
        "queue whether the job got there before you try again.",
    ),
    "print.done": (
        "Skrev {pages} side(r) til {path}.",
        "Wrote {pages} page(s) to {path}.",
    ),
    "print.letter_recorded": (
        "Statusbrevet efter {count} sessioner er registreret som udskrevet {day}.",
        "The status letter after {count} sessions is recorded as printed on {day}.",
    ),
    "letter.not_due": (
        "Et statusbrev skrives efter hver {every}. afholdte ugentlige session (forsamtalen "
        "tæller ikke med); forløbet har {held}.",
        "A status letter is written after every {every} held weekly sessions (the assessment "
        "does not count); the course has {held}.",
    ),
    "letter.too_early": (
        "Forløbet har {held} afholdte ugentlige sessioner, så der er intet statusbrev efter "
        "{after}.",
        "The course has {held} held weekly sessions, so there is no status letter after {after}.",
    ),
    "letter.empty": ("Statusbrevet er tomt.", "The status letter is empty."),
    "letter.printed": (
        "Statusbrevet blev udskrevet {day} og gemmes, som klienten fik det; det kan udskrives "
        "igen, men ikke ændres.",
        "The status letter was printed on {day} and is kept as the client received it; it can "
        "be printed again but not changed.",
    ),
    "letter.not_written": (
        "Statusbrevet er ikke skrevet endnu: skriv det i programmet (Udskriv ▸ Statusbrev), "
        "før det udskrives.",
        "The status letter has not been written yet: write it in the program (Print ▸ Status "
        "letter) before it is printed.",
    ),
    "letter.gaps": (
        "Statusbrevet har stadig pladser, der skal udfyldes (i [kantede parenteser]). Skriv "
        "dem færdig i programmet, før brevet udskrives.",
        "The status letter still has places to fill in (in [square brackets]). Finish them "
        "in the program before the letter is printed.",
    ),
    # The supervision overview
    "supervision.period_reversed": (
        "Perioden begynder {start} efter, at den slutter {end}.",
        "The period begins on {start}, after it ends on {end}.",
    ),
    "supervision.unknown_therapist": (
        "Der er ingen bruger med navnet {names}.",
        "There is no user named {names}.",
    ),
    "supervision.format": (
        "Rapporten skrives som PDF (.pdf) eller regneark (.xlsx), ikke som {suffix}.",
        "The report is written as a PDF (.pdf) or a spreadsheet (.xlsx), not as {suffix}.",
    ),
    "supervision.done": (
        "Skrev supervisionsrapporten til {path}.",
        "Wrote the supervision report to {path}.",
    ),
    # Records export
    # Adherence coding: rounds, samples and the export for coders
    "coding.round_name": (
        "En kodningsrunde skal have et navn på 1-{max} tegn.",
        "A coding round needs a name of 1-{max} characters.",
    ),
    "coding.round_exists": (
        "Der findes allerede en kodningsrunde, der hedder »{name}«.",
        "There is already a coding round called “{name}”.",
    ),
    "coding.round_unknown": (
        "Der findes ingen kodningsrunde, der hedder »{name}«.",
        "There is no coding round called “{name}”.",
    ),
    "coding.method": (
        "Metoden »{method}« findes ikke: vælg SS eller CC.",
        "There is no method “{method}”: choose SS or CC.",
    ),
    "coding.size": (
        "Stikprøven skal have mindst 1 session, ikke {size}.",
        "The sample needs at least 1 session, not {size}.",
    ),
    "coding.seed": (
        "Frøet (--seed) skal være en tekst på 1-{max} tegn.",
        "The seed (--seed) must be a text of 1-{max} characters.",
    ),
    "coding.size_too_large": (
        "Der kan ikke trækkes {size} sessioner: kun {eligible} sessioner i perioden er "
        "underskrevne, optaget og med klientens samtykke.",
        "Cannot draw {size} sessions: only {eligible} sessions in the period are signed, "
        "recorded and consented to by the client.",
    ),
    "coding.no_coders": (
        "Der er ingen aktive kodere: opret en bruger med rollen coder, eller nævn koderne "
        "med --coders.",
        "There are no active coders: add a user with the role coder, or name the coders with "
        "--coders.",
    ),
    "coding.coder_unknown": (
        "Der findes ingen bruger, der hedder »{name}«.",
        "There is no user called “{name}”.",
    ),
    "coding.not_a_coder": (
        "Brugeren »{name}« er ikke en aktiv koder.",
        "The user “{name}” is not an active coder.",
    ),
    "coding.sampled": (
        "Kodningsrunden »{name}« ({method}, {start} til {end}) er oprettet: {drawn} "
        "sessioner er trukket; kodere: {coders}.",
        "The coding round “{name}” ({method}, {start} to {end}) is created: {drawn} sessions "
        "drawn; coders: {coders}.",
    ),
    "coding.key_inside_out": (
        "Nøglefilen til optagelserne må ikke ligge i eksportmappen ({path}): den skal blive "
        "hos supervisoren.",
        "The recordings key must not be inside the export folder ({path}): it stays with the "
        "supervisor.",
    ),
    "coding.exported": (
        "Kodningsrunden »{name}« er eksporteret til {path}: {sessions} sessioner, "
        "{rows} rækker i ratings.csv.",
        "The coding round “{name}” is exported to {path}: {sessions} sessions, {rows} rows in "
        "ratings.csv.",
    ),
    "coding.coder_pseudonym": (
        "Koderen {name} hedder {pseudonym} i ratings.csv.",
        "The coder {name} is {pseudonym} in ratings.csv.",
    ),
    "coding.key_written": (
        "Nøglen til optagelserne er skrevet til {path}: send den ikke med.",
        "The recordings key is written to {path}: do not send it.",
    ),
    "coding.results_format": (
        "Resultaterne skrives som CSV (.csv), regneark (.xlsx) eller PDF (.pdf), ikke som "
        "{suffix}.",
        "The results are written as CSV (.csv), a spreadsheet (.xlsx) or PDF (.pdf), not as "
        "{suffix}.",
    ),
    "coding.no_ratings": (
        "Kodningsrunden »{name}« har endnu ingen indsendte ratinger.",
        "The coding round “{name}” has no submitted ratings yet.",
    ),
    "coding.already_closed": (
        "Kodningsrunden »{name}« er allerede lukket.",
        "The coding round “{name}” is already closed.",
    ),
    "coding.closed": (
        "Kodningsrunden »{name}« er lukket: den er ude af kodernes kø, og dens ratinger "
        "ændres ikke længere ({submitted} indsendte, {drafts} kladder tælles ikke med).",
        "The coding round “{name}” is closed: it has left the coders' queues and its ratings "
        "no longer change ({submitted} submitted, {drafts} drafts not counted).",
    ),
    "coding.results_written": (
        "Resultaterne af kodningsrunden »{name}« er skrevet til {path}.",
        "The results of the coding round “{name}” are written to {path}.",
    ),
    "export.client_unknown": (
        "Der findes ingen klient med koden {code}.",
        "There is no client with the code {code}.",
    ),
    "export.separator": (
        "Skilletegnet »{separator}« kan ikke bruges: vælg , eller ;.",
        "The separator “{separator}” cannot be used: choose , or ;.",
    ),
    "export.logbook_format": (
        "Logbogen skrives som CSV (.csv) eller regneark (.xlsx), ikke som {suffix}.",
        "The logbook is written as CSV (.csv) or a spreadsheet (.xlsx), not as {suffix}.",
    ),
    "export.period_reversed": (
        "Perioden begynder {start}, efter at den slutter {end}.",
        "The period begins on {start}, after it ends on {end}.",
    ),
    "export.logbook_done": (
        "Eksporterede {rows} sessioner fra logbogen ({how}) til {path}; "
        "kodebogen er {codebook}.",
        "Exported {rows} logbook sessions ({how}) to {path}; the codebook is {codebook}.",
    ),
    "export.pseudonymised": ("pseudonymiseret", "pseudonymised"),
    "export.identifiable": (
        "med koder og navne: kun til brug i centret",
        "with codes and names: for use inside the centre only",
    ),
    "export.done": (
        "Eksporterede {clients} klient(er) med {sessions} sessioner til {path}.",
        "Exported {clients} client(s) with {sessions} sessions to {path}.",
    ),
    # The audit trail (services/audit_chain.py)
    "audit.verified": (
        "Revisionssporet er intakt: {count} poster i en ubrudt kæde.",
        "The audit trail is intact: {count} entries in an unbroken chain.",
    ),
    "audit.broken": (
        "Revisionssporet er brudt ved post {seq}: {why}. Posterne før den er i orden.",
        "The audit trail is broken at entry {seq}: {why}. The entries before it are intact.",
    ),
    "audit.flaw_hash": (
        "postens indhold passer ikke til dens hash (posten er ændret)",
        "the entry's content does not match its hash (the entry was altered)",
    ),
    "audit.flaw_gap": ("posten mangler", "the entry is missing"),
    "audit.flaw_prev": (
        "posten har ikke hashen af posten før den (en post er udskiftet)",
        "the entry does not hold the hash of the entry before it (an entry was replaced)",
    ),
    "audit.flaw_head": (
        "kæden ender ikke dér, hvor dens hoved siger (de sidste poster er fjernet, eller der "
        "er sat poster til)",
        "the chain does not end where its head says (the last entries were removed, or "
        "entries were added)",
    ),
    "audit.no_head": (
        "Revisionssporets hoved mangler i databasen, så der kan ikke skrives i sporet. Gendan "
        "den seneste kontrollerede sikkerhedskopi.",
        "The audit trail's head is missing from the database, so nothing can be written to "
        "the trail. Restore the latest verified backup.",
    ),
    "audit.exported": (
        "Eksporterede {count} poster fra revisionssporet til {path}.",
        "Exported {count} audit trail entries to {path}.",
    ),
}


def choose(pair: tuple[str, str], lang: str) -> str:
    """The Danish or the English of a (Danish, English) pair."""
    return pair[1] if lang == "en" else pair[0]


def text(code: str, lang: str, /, **facts: object) -> str:
    """The catalogue text for `code` in `lang`, with the facts filled in: a Term in words (a
    label of the records vocabulary as a word inside the sentence), a float with the
    language's decimal sign."""
    template = choose(CATALOGUE[code], lang)
    rendered = {key: _fact(value, lang) for key, value in facts.items()}
    return template.format(**rendered)


def _fact(value: object, lang: str) -> object:
    from traumefokus.errors import TraumefokusError

    if isinstance(value, TraumefokusError):  # the reason inside a larger problem
        return describe(value, lang)
    if isinstance(value, Term):
        if value.code in LABELS:
            return in_sentence(value.code, lang)
        return text(value.code, lang)
    if isinstance(value, float):
        from babel.numbers import format_decimal  # loaded when first needed

        return format_decimal(value, locale=lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    if isinstance(value, int) and value.bit_length() <= 64:  # booleans included
        return value
    if isinstance(value, int):  # from a file: str() refuses more than 4300 digits
        return shown(str(value) if value.bit_length() < 10_000 else "…")
    return shown(value)


# Every other value a message shows (a user's input, a value from a file, a path) is cut to
# this many characters and has its control characters escaped, so that a terminal or a dialog
# never receives escape sequences, line breaks or a 100,000-character line from data. Six
# long Danish theme titles in a row (a course's chosen themes) are about 230 characters.
SHOWN_CHARACTERS = 300
# C0 and C1 controls, line and paragraph separators, bidirectional controls, and the lone
# surrogates that stand for bytes of a name no encoding could read.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def shown(value: object, limit: int = SHOWN_CHARACTERS) -> str:
    """`value` as a message shows it: at most `limit` characters (the start and the end,
    "…" between: a path keeps its file name) with control characters written as escapes
    (\\n, \\x1b, \\u202e), since they would act on a terminal rather than be read."""
    words = str(value)
    if len(words) > limit:
        tail = (limit - 1) // 3
        words = f"{words[: limit - 1 - tail]}…{words[len(words) - tail :]}"
    return _CONTROL.sub(_escape, words)


def _escape(found: re.Match[str]) -> str:
    character = found.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def describe(error: TraumefokusError, lang: str) -> str:
    """One line for a typed error, in `lang`."""
    return text(error.code, lang, **error.facts)
