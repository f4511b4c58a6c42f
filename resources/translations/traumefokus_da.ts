<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>AddendumDialog</name>
    <message>
        <source>Addendum</source>
        <translation>Tillæg</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tilføj</translation>
    </message>
    <message>
        <source>An addendum is dated and signed with your name; the note itself stays as it was.</source>
        <translation>Et tillæg dateres og underskrives med dit navn; selve notatet forbliver, som det var.</translation>
    </message>
</context>
<context>
    <name>AgendaClock</name>
    <message>
        <source>Time in this session, against its length</source>
        <translation>Tid i denne session, målt mod dens længde</translation>
    </message>
    <message>
        <source>%1 of %2 min</source>
        <translation>%1 af %2 min.</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>The session was:</source>
        <translation>Sessionen blev:</translation>
    </message>
    <message>
        <source>&amp;Why it was not held:</source>
        <translation>&amp;Hvorfor den ikke blev holdt:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>A session that was not held still makes an entry in the logbook.</source>
        <translation>En session, der ikke blev holdt, registreres stadig i logbogen.</translation>
    </message>
</context>
<context>
    <name>AuditTrailPage</name>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Client code</source>
        <translation>Klientkode</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle handlinger</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>← Newer</source>
        <translation>← Nyere</translation>
    </message>
    <message>
        <source>Older →</source>
        <translation>Ældre →</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Bruger:</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Klient:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Handling:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Fra:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Til:</translation>
    </message>
    <message>
        <source>Reading the trail…</source>
        <translation>Læser sporet…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>%1–%2 of %3 entries</source>
        <translation>%1–%2 af %3 poster</translation>
    </message>
</context>
<context>
    <name>AutoBackup</name>
    <message>
        <source>⚠ The automatic backup was not made; your work is saved as usual.</source>
        <translation>⚠ Den automatiske sikkerhedskopi blev ikke lavet; dit arbejde gemmes som sædvanligt.</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>Backups</source>
        <translation>Sikkerhedskopier</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>V&amp;ælg…</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Mappe:</translation>
    </message>
    <message>
        <source>Empty: the backups folder in the data directory. A folder on another disk or a network share is safer. Backups are encrypted like the database.</source>
        <translation>Tom: mappen backups i datamappen. En mappe på en anden disk eller et netværksdrev er mere sikker. Sikkerhedskopier er krypteret ligesom databasen.</translation>
    </message>
    <message>
        <source>Daily copies to keep:</source>
        <translation>Daglige kopier, der gemmes:</translation>
    </message>
    <message>
        <source>Weekly copies to keep:</source>
        <translation>Ugentlige kopier, der gemmes:</translation>
    </message>
    <message>
        <source>Monthly copies to keep:</source>
        <translation>Månedlige kopier, der gemmes:</translation>
    </message>
    <message>
        <source>A change applies from the next backup.</source>
        <translation>En ændring gælder fra næste sikkerhedskopi.</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>Mappe til sikkerhedskopier</translation>
    </message>
    <message>
        <source>Give the backup folder&apos;s whole path, or leave it empty.</source>
        <translation>Skriv hele stien til mappen til sikkerhedskopier, eller lad feltet være tomt.</translation>
    </message>
    <message>
        <source>The backup folder does not exist. Create it first, or choose another.</source>
        <translation>Mappen til sikkerhedskopier findes ikke. Opret den først, eller vælg en anden.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>Skift din adgangskode</translation>
    </message>
    <message>
        <source>At least %1 characters. A sentence you remember is a good password.</source>
        <translation>Mindst %1 tegn. En sætning, du kan huske, er en god adgangskode.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Skift adgangskode</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>&amp;Nuværende adgangskode:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>N&amp;y adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new one:</source>
        <translation>&amp;Gentag den nye:</translation>
    </message>
    <message>
        <source>Your password has been changed.</source>
        <translation>Din adgangskode er skiftet.</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <source>Done</source>
        <translation>Gjort</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Delvist</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Ikke gjort</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>Some</source>
        <translation>Noget</translation>
    </message>
    <message>
        <source>What, and how much</source>
        <translation>Hvad, og hvor meget</translation>
    </message>
    <message>
        <source>Raise a safety &amp;flag</source>
        <translation>Sæt et sikkerheds&amp;flag</translation>
    </message>
    <message>
        <source>The flag stays visible on the course until someone clears it.</source>
        <translation>Flaget bliver stående på forløbet, til nogen rydder det.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Last commitment&lt;/b&gt; (%1): »%2«</source>
        <translation>&lt;b&gt;Sidste forpligtelse&lt;/b&gt; (%1): »%2«</translation>
    </message>
    <message>
        <source>The commitment was:</source>
        <translation>Forpligtelsen blev:</translation>
    </message>
    <message>
        <source>How are you &amp;feeling?</source>
        <translation>Hvordan har du det?</translation>
    </message>
    <message>
        <source>On a scale of 0-10:</source>
        <translation>På en skala fra 0 til 10:</translation>
    </message>
    <message>
        <source>&amp;Good coping since last time:</source>
        <translation>&amp;God mestring siden sidst:</translation>
    </message>
    <message>
        <source>Substance use since last time:</source>
        <translation>Rusmidler siden sidst:</translation>
    </message>
    <message>
        <source>Other &amp;unsafe behaviour:</source>
        <translation>Anden &amp;usikker adfærd:</translation>
    </message>
    <message>
        <source>&amp;Community resources:</source>
        <translation>&amp;Hjælp i lokalsamfundet:</translation>
    </message>
</context>
<context>
    <name>CheckOutLogbookBox</name>
    <message>
        <source>Logbook</source>
        <translation>Logbog</translation>
    </message>
    <message>
        <source>Gift card &amp;given</source>
        <translation>Gavekort &amp;givet</translation>
    </message>
    <message>
        <source>No gift card</source>
        <translation>Intet gavekort</translation>
    </message>
    <message>
        <source>The session was &amp;recorded (audio)</source>
        <translation>Sessionen blev &amp;optaget (lyd)</translation>
    </message>
    <message>
        <source>The recording&apos;s file name, e.g. K-0012_2023-05-04.wav</source>
        <translation>Optagelsens filnavn, fx K-0012_2023-05-04.wav</translation>
    </message>
    <message>
        <source>No consent to audio recording on %1: record the client&apos;s consent first.</source>
        <translation>Intet samtykke til lydoptagelse %1: registrér klientens samtykke først.</translation>
    </message>
    <message>
        <source>Gift card:</source>
        <translation>Gavekort:</translation>
    </message>
    <message>
        <source>Recording:</source>
        <translation>Optagelse:</translation>
    </message>
    <message>
        <source>The programme&apos;s rule: a gift card of %1 kr is due at this session (held session %2 of those that count; %3 given before).</source>
        <translation>Programmets regel: et gavekort på %1 kr skal gives ved denne session (holdt session nr. %2 af dem, der tæller; %3 givet før).</translation>
    </message>
    <message>
        <source>No gift card is due at this session by the programme&apos;s rule.</source>
        <translation>Efter programmets regel skal der ikke gives gavekort ved denne session.</translation>
    </message>
</context>
<context>
    <name>CheckOutPage</name>
    <message>
        <source>Choose a suggestion or write the client&apos;s own</source>
        <translation>Vælg et forslag, eller skriv klientens egen</translation>
    </message>
    <message>
        <source>What the client &amp;takes away:</source>
        <translation>Hvad klienten &amp;tager med sig:</translation>
    </message>
    <message>
        <source>Anything &amp;difficult:</source>
        <translation>Noget &amp;svært:</translation>
    </message>
    <message>
        <source>&amp;Commitment until next time:</source>
        <translation>&amp;Forpligtelse til næste gang:</translation>
    </message>
    <message>
        <source>&amp;Referrals to community resources:</source>
        <translation>&amp;Henvisninger til hjælp i lokalsamfundet:</translation>
    </message>
</context>
<context>
    <name>ClearFlagDialog</name>
    <message>
        <source>Clear the safety flag</source>
        <translation>Ryd sikkerhedsflaget</translation>
    </message>
    <message>
        <source>Raised %1 by %2: %3</source>
        <translation>Rejst %1 af %2: %3</translation>
    </message>
    <message>
        <source>C&amp;lear the flag</source>
        <translation>&amp;Ryd flaget</translation>
    </message>
    <message>
        <source>e.g. talked it through; a safety plan is made</source>
        <translation>fx talt igennem; en sikkerhedsplan er lagt</translation>
    </message>
    <message>
        <source>&amp;What has been done about it:</source>
        <translation>&amp;Hvad er der gjort ved det:</translation>
    </message>
</context>
<context>
    <name>ClientCopy</name>
    <message>
        <source>Save the client&apos;s data</source>
        <translation>Gem klientens data</translation>
    </message>
    <message>
        <source>The client&apos;s data were saved:
%1

Hand the files to the client.</source>
        <translation>Klientens data er gemt:
%1

Udlevér filerne til klienten.</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>Edit client</source>
        <translation>Rediger klient</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Ny klient</translation>
    </message>
    <message>
        <source>The client code is the centre&apos;s own code. Never use a CPR number.</source>
        <translation>Klientkoden er centrets egen kode. Brug aldrig et CPR-nummer.</translation>
    </message>
    <message>
        <source>e.g. K-0231</source>
        <translation>fx K-0231</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Valgfrit</translation>
    </message>
    <message>
        <source>Client &amp;code:</source>
        <translation>Klient&amp;kode:</translation>
    </message>
    <message>
        <source>&amp;Name (identifying):</source>
        <translation>&amp;Navn (identificerende):</translation>
    </message>
    <message>
        <source>A name identifies the client. It is hidden in lists unless View ▸ Show client names is on, and it never leaves the centre in coding exports.</source>
        <translation>Et navn identificerer klienten. Det skjules i lister, medmindre Vis ▸ Vis klientnavne er slået til, og det forlader aldrig centret i eksporter til kodning.</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Sted:</translation>
    </message>
</context>
<context>
    <name>ClientPane</name>
    <message>
        <source>Search by client code</source>
        <translation>Søg på klientkode</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>Ny klient…</translation>
    </message>
    <message>
        <source>No clients yet</source>
        <translation>Ingen klienter endnu</translation>
    </message>
    <message>
        <source>Create the first client with Client ▸ New client (Ctrl+N). Clients and their courses are listed here, with the next session of each.</source>
        <translation>Opret den første klient med Klient ▸ Ny klient (Ctrl+N). Klienter og deres forløb vises her, med den næste session for hver.</translation>
    </message>
    <message>
        <source>Opening the data…</source>
        <translation>Åbner data…</translation>
    </message>
    <message>
        <source>This client has no courses yet.</source>
        <translation>Klienten har endnu ingen forløb.</translation>
    </message>
    <message>
        <source>New course…</source>
        <translation>Nyt forløb…</translation>
    </message>
    <message>
        <source>Open course</source>
        <translation>Åbn forløb</translation>
    </message>
    <message>
        <source>Edit client…</source>
        <translation>Rediger klient…</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>&amp;New client…</source>
        <translation>&amp;Ny klient…</translation>
    </message>
    <message>
        <source>&amp;Edit client…</source>
        <translation>&amp;Rediger klient…</translation>
    </message>
    <message>
        <source>&amp;Hand out the client&apos;s data…</source>
        <translation>&amp;Udlevér klientens data…</translation>
    </message>
    <message>
        <source>E&amp;rase the client…</source>
        <translation>&amp;Slet klienten…</translation>
    </message>
    <message>
        <source>New &amp;course…</source>
        <translation>Nyt &amp;forløb…</translation>
    </message>
    <message>
        <source>&amp;Open course</source>
        <translation>Å&amp;bn forløb</translation>
    </message>
    <message>
        <source>A client has one active or planned course at a time.</source>
        <translation>En klient har ét aktivt eller planlagt forløb ad gangen.</translation>
    </message>
</context>
<context>
    <name>ClientScreen</name>
    <message>
        <source>Esc closes this window</source>
        <translation>Esc lukker vinduet</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Client code</source>
        <translation>Klientkode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Latest course</source>
        <translation>Seneste forløb</translation>
    </message>
    <message>
        <source>Next session</source>
        <translation>Næste session</translation>
    </message>
    <message>
        <source>%1 · overdue</source>
        <translation>%1 · forsinket</translation>
    </message>
    <message>
        <source>No course</source>
        <translation>Intet forløb</translation>
    </message>
    <message>
        <source>themes still open: %1</source>
        <translation>temaer stadig åbne: %1</translation>
    </message>
    <message>
        <source>This session&apos;s day has passed and it is not recorded: record whether it was held, or move it.</source>
        <translation>Sessionens dag er gået, og den er ikke registreret: registrér om den blev holdt, eller flyt den.</translation>
    </message>
</context>
<context>
    <name>CoSign</name>
    <message>
        <source>Co-sign the note</source>
        <translation>Medunderskriv notatet</translation>
    </message>
    <message>
        <source>Co-sign the note of %1, signed by %2?</source>
        <translation>Medunderskriv notatet fra %1, underskrevet af %2?</translation>
    </message>
    <message>
        <source>Your co-signature says that you have reviewed the signed note as its supervisor. It is recorded with your name and the time, printed on the note and kept in the records; it cannot be withdrawn. The note itself does not change.</source>
        <translation>Din medunderskrift siger, at du som supervisor har gennemgået det underskrevne notat. Den registreres med dit navn og tidspunktet, udskrives på notatet og gemmes i journalen; den kan ikke trækkes tilbage. Selve notatet ændres ikke.</translation>
    </message>
    <message>
        <source>Co-sign</source>
        <translation>Medunderskriv</translation>
    </message>
</context>
<context>
    <name>CodingExportDialog</name>
    <message>
        <source>Export for coders</source>
        <translation>Eksportér til koderne</translation>
    </message>
    <message>
        <source>The round&apos;s sessions, pseudonymised, with the codebook and an empty rating sheet: no client code, name, therapist or free text leaves the centre.</source>
        <translation>Rundens sessioner, pseudonymiseret, med kodebogen og et tomt ratingark: ingen klientkode, navn, behandler eller fritekst forlader centret.</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Eksportér</translation>
    </message>
    <message>
        <source>coding</source>
        <translation>kodning</translation>
    </message>
    <message>
        <source>A &amp;folder</source>
        <translation>En &amp;mappe</translation>
    </message>
    <message>
        <source>One &amp;ZIP file</source>
        <translation>Én &amp;ZIP-fil</translation>
    </message>
    <message>
        <source>Also write the &amp;recordings key</source>
        <translation>Skriv også &amp;nøglen til optagelserne</translation>
    </message>
    <message>
        <source>recordings-key</source>
        <translation>optagelser-noegle</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Runde:</translation>
    </message>
    <message>
        <source>Write as:</source>
        <translation>Skriv som:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Gem i:</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>Nøgle&amp;fil:</translation>
    </message>
    <message>
        <source>The key links each pseudonym to its recording&apos;s file name, so that the recordings can be renamed; it stays at the centre and is never sent.</source>
        <translation>Nøglen kobler hvert pseudonym til optagelsens filnavn, så optagelserne kan omdøbes; den bliver i centret og sendes aldrig med.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-filer (*.zip)</translation>
    </message>
    <message>
        <source>Recordings key</source>
        <translation>Nøgle til optagelserne</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Choose where the export is written.</source>
        <translation>Vælg, hvor eksporten skal skrives.</translation>
    </message>
    <message>
        <source>Choose where the recordings key is written.</source>
        <translation>Vælg, hvor nøglen til optagelserne skal skrives.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>CodingRoundsPage</name>
    <message>
        <source>&amp;New round…</source>
        <translation>&amp;Ny runde…</translation>
    </message>
    <message>
        <source>E&amp;xport for coders…</source>
        <translation>E&amp;ksportér til koderne…</translation>
    </message>
    <message>
        <source>C&amp;lose round…</source>
        <translation>&amp;Luk runden…</translation>
    </message>
    <message>
        <source>&amp;Save as CSV/XLSX…</source>
        <translation>&amp;Gem som CSV/XLSX…</translation>
    </message>
    <message>
        <source>&amp;Print/Save as PDF…</source>
        <translation>&amp;Udskriv/gem som PDF…</translation>
    </message>
    <message>
        <source>Agreement between the coders (ICC(2,1), 95% interval)</source>
        <translation>Enighed mellem koderne (ICC(2,1), 95 %-interval)</translation>
    </message>
    <message>
        <source>Per part</source>
        <translation>Pr. del</translation>
    </message>
    <message>
        <source>Per item</source>
        <translation>Pr. punkt</translation>
    </message>
    <message>
        <source>One row per rated round of the method</source>
        <translation>Én række pr. kodet runde med samme metode</translation>
    </message>
    <message>
        <source>Comparison between rounds</source>
        <translation>Sammenligning mellem runder</translation>
    </message>
    <message>
        <source>Reading the rounds…</source>
        <translation>Henter runderne…</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>Runde</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Kodere</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Kodet</translation>
    </message>
    <message>
        <source>By every coder</source>
        <translation>Af alle kodere</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Kladder</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>There are no coding rounds yet.</source>
        <translation>Der er endnu ingen kodningsrunder.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Beregner…</translation>
    </message>
    <message>
        <source>The round %1 has no submitted ratings yet.</source>
        <translation>Runden %1 har endnu ingen indsendte ratinger.</translation>
    </message>
    <message>
        <source>Coding results</source>
        <translation>Kodningsresultater</translation>
    </message>
    <message>
        <source>coding-results</source>
        <translation>kodningsresultater</translation>
    </message>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Regneark (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>Gem resultaterne</translation>
    </message>
    <message>
        <source>Saved the results of %1 to %2.</source>
        <translation>Resultaterne af %1 er gemt i %2.</translation>
    </message>
    <message>
        <source>The round %1 is drawn: %2 sessions.</source>
        <translation>Runden %1 er trukket: %2 sessioner.</translation>
    </message>
    <message>
        <source>Close the round %1?

It leaves the coders&apos; queues and its ratings no longer change: %2 of %3 sessions are rated by every coder, and %4 drafts will not count. The results stand as they are now. A closed round is not opened again.</source>
        <translation>Luk runden %1?

Den forsvinder fra kodernes kø, og dens ratinger ændres ikke længere: %2 af %3 sessioner er vurderet af alle kodere, og %4 kladder tælles ikke med. Resultaterne står, som de er nu. En lukket runde åbnes ikke igen.</translation>
    </message>
    <message>
        <source>Close round</source>
        <translation>Luk runden</translation>
    </message>
    <message>
        <source>&amp;Close the round</source>
        <translation>&amp;Luk runden</translation>
    </message>
    <message>
        <source>The round %1 is closed.</source>
        <translation>Runden %1 er lukket.</translation>
    </message>
</context>
<context>
    <name>CodingTab</name>
    <message>
        <source>Round</source>
        <translation>Runde</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>There is nothing to rate: no open coding round names you as a coder. The supervisor who draws a round adds its sessions here.</source>
        <translation>Der er intet at vurdere: ingen åben kodningsrunde har dig som koder. Når en supervisor trækker en runde, kommer dens sessioner her.</translation>
    </message>
    <message>
        <source>Sessions to rate</source>
        <translation>Sessioner at vurdere</translation>
    </message>
    <message>
        <source>Only the pseudonymised session is shown. Enter or a double click opens the rating form.</source>
        <translation>Kun den pseudonymiserede session vises. Enter eller et dobbeltklik åbner vurderingsskemaet.</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ikke påbegyndt</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Indsendt</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Add the comment</source>
        <translation>Tilføj kommentaren</translation>
    </message>
    <message>
        <source>The therapist sees the comment on the session and on the Today list until they have read it. A comment is kept with your name and the time and cannot be changed; a correction is a new comment.</source>
        <translation>Behandleren ser kommentaren ved sessionen og på listen I dag, indtil den er læst. En kommentar gemmes med dit navn og tidspunktet og kan ikke ændres; en rettelse er en ny kommentar.</translation>
    </message>
    <message>
        <source>&amp;About:</source>
        <translation>&amp;Om:</translation>
    </message>
    <message>
        <source>Your comment to the therapist</source>
        <translation>Din kommentar til behandleren</translation>
    </message>
</context>
<context>
    <name>CommentsView</name>
    <message>
        <source>Comme&amp;nt…</source>
        <translation>Tilfø&amp;j kommentar…</translation>
    </message>
    <message>
        <source>Mark as rea&amp;d</source>
        <translation>Markér som l&amp;æst</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Ulæst</translation>
    </message>
    <message>
        <source>read %1 by %2</source>
        <translation>læst %1 af %2</translation>
    </message>
    <message>
        <source>Choose an unread comment first.</source>
        <translation>Vælg først en ulæst kommentar.</translation>
    </message>
</context>
<context>
    <name>ConfirmInclusionDialog</name>
    <message>
        <source>Go on with the course</source>
        <translation>Fortsæt forløbet</translation>
    </message>
    <message>
        <source>The ITQ at assessment (%1) does not show PTSD symptoms. The pilot took in clients with clinical or subclinical PTSD. Confirm that the course goes on all the same; the plan history keeps who confirmed it, and when.</source>
        <translation>ITQ ved forsamtalen (%1) viser ikke PTSD-symptomer. Pilotprojektet tog klienter med klinisk eller subklinisk PTSD ind. Bekræft, at forløbet alligevel fortsætter; planhistorikken gemmer, hvem der bekræftede det, og hvornår.</translation>
    </message>
    <message>
        <source>Confirm and go on</source>
        <translation>Bekræft og fortsæt</translation>
    </message>
</context>
<context>
    <name>ConflictBar</name>
    <message>
        <source>Reload</source>
        <translation>Genindlæs</translation>
    </message>
    <message>
        <source>Changed by %1 at %2 while you were writing.</source>
        <translation>Ændret af %1 kl. %2, mens du skrev.</translation>
    </message>
    <message>
        <source>Changed by someone else while you were writing.</source>
        <translation>Ændret af en anden, mens du skrev.</translation>
    </message>
    <message>
        <source>Your text is not saved over theirs. Reload shows their version; your own text stays beside it to copy from.</source>
        <translation>Din tekst er ikke gemt oven i deres. Genindlæs viser deres udgave; din egen tekst bliver stående ved siden af, så du kan kopiere fra den.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Withdraw consent to recording</source>
        <translation>Træk samtykke til optagelse tilbage</translation>
    </message>
    <message>
        <source>Consent to audio recording</source>
        <translation>Samtykke til lydoptagelse</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Træk tilbage</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Registrér samtykke</translation>
    </message>
    <message>
        <source>From this day on, no session can be marked recorded. Sessions recorded before stay as they are.</source>
        <translation>Fra denne dag kan ingen session markeres som optaget. Sessioner, der er optaget før, forbliver som de er.</translation>
    </message>
    <message>
        <source>The client agrees that sessions may be audio-recorded for research. Sessions from this day on may be marked recorded; Traumefokus never stores audio.</source>
        <translation>Klienten giver samtykke til, at sessioner må lydoptages til forskning. Sessioner fra denne dag kan markeres som optaget; Traumefokus gemmer aldrig lyd.</translation>
    </message>
    <message>
        <source>&amp;Withdrawn on:</source>
        <translation>&amp;Trukket tilbage den:</translation>
    </message>
    <message>
        <source>&amp;Given on:</source>
        <translation>&amp;Givet den:</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Record consent…</source>
        <translation>Registrér samtykke…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Træk samtykke tilbage…</translation>
    </message>
    <message>
        <source>Consent to audio recording: none recorded.</source>
        <translation>Samtykke til lydoptagelse: ikke registreret.</translation>
    </message>
    <message>
        <source>Consent to audio recording given %1 (recorded by %2)</source>
        <translation>Samtykke til lydoptagelse givet %1 (registreret af %2)</translation>
    </message>
    <message>
        <source>; withdrawn %1 (by %2).</source>
        <translation>; trukket tilbage %1 (af %2).</translation>
    </message>
</context>
<context>
    <name>ContentActions</name>
    <message>
        <source>Install a programme</source>
        <translation>Installér et program</translation>
    </message>
    <message>
        <source>Programmes (*.toml)</source>
        <translation>Programmer (*.toml)</translation>
    </message>
    <message>
        <source>Install a content pack (the folder with pack.toml)</source>
        <translation>Installér en indholdspakke (mappen med pack.toml)</translation>
    </message>
    <message>
        <source>Install content</source>
        <translation>Installér indhold</translation>
    </message>
    <message>
        <source>Nothing was installed.</source>
        <translation>Intet blev installeret.</translation>
    </message>
</context>
<context>
    <name>ContentBrowser</name>
    <message>
        <source>Content: packs and programmes</source>
        <translation>Indhold: pakker og programmer</translation>
    </message>
    <message>
        <source>Content packs</source>
        <translation>Indholdspakker</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <source>installed</source>
        <translation>installeret</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>medfølger</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>ugyldig</translation>
    </message>
    <message>
        <source>**This version cannot be used:**</source>
        <translation>**Denne version kan ikke bruges:**</translation>
    </message>
    <message>
        <source>%1 · version %2 · language %3 · %4</source>
        <translation>%1 · version %2 · sprog %3 · %4</translation>
    </message>
    <message>
        <source>%1 themes in the catalogue, %2 with content.</source>
        <translation>%1 temaer i kataloget, %2 med indhold.</translation>
    </message>
    <message>
        <source>**Demo content:** written for Traumefokus, not from the manual.</source>
        <translation>**Demoindhold:** skrevet til Traumefokus, ikke fra manualen.</translation>
    </message>
    <message>
        <source>The titles in the pack&apos;s language are working titles; the English titles are the official ones.</source>
        <translation>Titlerne på pakkens sprog er arbejdstitler; de engelske titler er de officielle.</translation>
    </message>
</context>
<context>
    <name>CourseActions</name>
    <message>
        <source>&amp;Open session</source>
        <translation>Å&amp;bn session</translation>
    </message>
    <message>
        <source>Choose &amp;themes…</source>
        <translation>Vælg &amp;temaer…</translation>
    </message>
    <message>
        <source>&amp;Attendance…</source>
        <translation>Fre&amp;mmøde…</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>F&amp;lyt…</translation>
    </message>
    <message>
        <source>S&amp;wap themes…</source>
        <translation>B&amp;yt temaer…</translation>
    </message>
    <message>
        <source>&amp;Put theme aside…</source>
        <translation>&amp;Udsæt tema…</translation>
    </message>
    <message>
        <source>E&amp;xtra session…</source>
        <translation>Ekstra &amp;session…</translation>
    </message>
    <message>
        <source>Move the &amp;rest…</source>
        <translation>Ryk &amp;resten…</translation>
    </message>
    <message>
        <source>&amp;ITQ…</source>
        <translation>&amp;ITQ…</translation>
    </message>
    <message>
        <source>&amp;End course…</source>
        <translation>&amp;Afslut forløb…</translation>
    </message>
    <message>
        <source>T&amp;eam…</source>
        <translation>B&amp;ehandlere…</translation>
    </message>
    <message>
        <source>Who works with this course: therapist, co-therapists</source>
        <translation>Hvem arbejder med forløbet: behandler og medbehandlere</translation>
    </message>
    <message>
        <source>P&amp;rint</source>
        <translation>U&amp;dskriv</translation>
    </message>
    <message>
        <source>Session &amp;note…</source>
        <translation>Sessions&amp;note…</translation>
    </message>
    <message>
        <source>&amp;Handout for the client…</source>
        <translation>&amp;Arbejdsark til klienten…</translation>
    </message>
    <message>
        <source>&amp;All session notes…</source>
        <translation>A&amp;lle sessionsnoter…</translation>
    </message>
    <message>
        <source>Course &amp;plan for the client…</source>
        <translation>Forløbs&amp;plan til klienten…</translation>
    </message>
    <message>
        <source>&amp;Status letter…</source>
        <translation>&amp;Statusbrev…</translation>
    </message>
</context>
<context>
    <name>CourseComments</name>
    <message>
        <source>Comments (%1 unread)</source>
        <translation>Kommentarer (%1 ulæste)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentarer</translation>
    </message>
    <message>
        <source>on the course</source>
        <translation>om forløbet</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>om %1</translation>
    </message>
    <message>
        <source>The course as a whole</source>
        <translation>Forløbet som helhed</translation>
    </message>
</context>
<context>
    <name>CourseLogbookWords</name>
    <message>
        <source>Gift cards: %1 of %2 (%3 kr)</source>
        <translation>Gavekort: %1 af %2 (%3 kr)</translation>
    </message>
    <message>
        <source>dropped: %1</source>
        <translation>droppet: %1</translation>
    </message>
    <message>
        <source>the course ended early</source>
        <translation>forløbet sluttede før tid</translation>
    </message>
    <message>
        <source>not held</source>
        <translation>ikke holdt</translation>
    </message>
    <message>
        <source>Themes never done: %1</source>
        <translation>Temaer, der aldrig blev gennemgået: %1</translation>
    </message>
</context>
<context>
    <name>CoursePage</name>
    <message>
        <source>← Clients</source>
        <translation>← Klienter</translation>
    </message>
    <message>
        <source>Back to the clients (Esc)</source>
        <translation>Tilbage til klienterne (Esc)</translation>
    </message>
    <message>
        <source>Read only: this is another therapist&apos;s course.</source>
        <translation>Kun læseadgang: forløbet er en anden behandlers.</translation>
    </message>
    <message>
        <source>Read only: as %1 you read courses, but do not change them.</source>
        <translation>Kun læseadgang: som %1 læser du forløb, men ændrer dem ikke.</translation>
    </message>
    <message>
        <source>Attended %1 of %2 planned</source>
        <translation>Afholdt %1 af %2 planlagte</translation>
    </message>
    <message>
        <source>Co-therapist: %1</source>
        <translation>Medbehandler: %1</translation>
    </message>
    <message>
        <source>Next: %1, %2</source>
        <translation>Næste: %1, %2</translation>
    </message>
    <message>
        <source>ITQ: %1 (%2)</source>
        <translation>ITQ: %1 (%2)</translation>
    </message>
    <message>
        <source>Ended %1</source>
        <translation>Afsluttet %1</translation>
    </message>
    <message>
        <source>The themes are not chosen yet.</source>
        <translation>Temaerne er ikke valgt endnu.</translation>
    </message>
    <message>
        <source>Status letter after %1: printed %2</source>
        <translation>Statusbrev efter %1: udskrevet %2</translation>
    </message>
    <message>
        <source>Status letter after %1: not printed yet</source>
        <translation>Statusbrev efter %1: ikke udskrevet endnu</translation>
    </message>
    <message>
        <source>⚠ Safety flag (%1, %2): %3</source>
        <translation>⚠ Sikkerhedsflag (%1, %2): %3</translation>
    </message>
    <message>
        <source>Clear…</source>
        <translation>Ryd…</translation>
    </message>
    <message>
        <source>End the course</source>
        <translation>Afslut forløbet</translation>
    </message>
</context>
<context>
    <name>CoursePanels</name>
    <message>
        <source>Add goal…</source>
        <translation>Tilføj mål…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Plan history</source>
        <translation>Planhistorik</translation>
    </message>
    <message>
        <source>New ITQ…</source>
        <translation>Ny ITQ…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Åbn…</translation>
    </message>
    <message>
        <source>ITQ</source>
        <translation>ITQ</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentarer</translation>
    </message>
    <message>
        <source>No goals yet: write the client&apos;s goals in their own words.</source>
        <translation>Ingen mål endnu: skriv klientens mål med klientens egne ord.</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Hvorfor: %1</translation>
    </message>
    <message>
        <source>Endorsed: %1</source>
        <translation>Til stede: %1</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Fjern mål</translation>
    </message>
    <message>
        <source>Remove this goal?

%1</source>
        <translation>Fjern dette mål?

%1</translation>
    </message>
</context>
<context>
    <name>CourseTableModel</name>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Afholdt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
</context>
<context>
    <name>CourseTimeline</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>extra</source>
        <translation>ekstra</translation>
    </message>
    <message>
        <source>%1 (extra)</source>
        <translation>%1 (ekstra)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong inside Traumefokus. Please send the details below to your administrator.</source>
        <translation>Der opstod en fejl i Traumefokus. Send venligst detaljerne herunder til jeres administrator.</translation>
    </message>
    <message>
        <source>The details are also in %1.</source>
        <translation>Detaljerne ligger også i %1.</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Empty: the database file in the data directory</source>
        <translation>Tom: databasefilen i datamappen</translation>
    </message>
    <message>
        <source>&amp;Server address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>For a shared PostgreSQL server, e.g. postgresql+psycopg://traumefokus@server.local/traumefokus. Leave the password out: Traumefokus asks for it when it connects.</source>
        <translation>Til en fælles PostgreSQL-server, fx postgresql+psycopg://traumefokus@server.local/traumefokus. Udelad adgangskoden: Traumefokus spørger efter den, når den forbinder.</translation>
    </message>
    <message>
        <source>In use now:</source>
        <translation>I brug nu:</translation>
    </message>
    <message>
        <source>A change takes effect the next time Traumefokus starts.</source>
        <translation>En ændring træder i kraft, næste gang Traumefokus starter.</translation>
    </message>
    <message>
        <source>Leave the password out of the address: it is never stored here. Traumefokus asks for it when it connects.</source>
        <translation>Udelad adgangskoden fra adressen: den gemmes aldrig her. Traumefokus spørger efter den, når den forbinder.</translation>
    </message>
</context>
<context>
    <name>DayDialog</name>
    <message>
        <source>Held today; moved when the session was opened</source>
        <translation>Afholdt i dag; flyttet da sessionen blev åbnet</translation>
    </message>
    <message>
        <source>Planned for another day</source>
        <translation>Planlagt til en anden dag</translation>
    </message>
    <message>
        <source>This session was planned for %1, and nothing is written in its note.</source>
        <translation>Denne session var planlagt til %1, og der er intet skrevet i dens notat.</translation>
    </message>
    <message>
        <source>Is it held today? Then it moves to today, and the plan history says so. If it was held on %1, write up its note for that day.</source>
        <translation>Afholdes den i dag? Så flyttes den til i dag, og planhistorikken viser det. Blev den afholdt %1, så skriv notatet til den dag.</translation>
    </message>
    <message>
        <source>This session is planned for %1, not today.</source>
        <translation>Denne session er planlagt til %1, ikke i dag.</translation>
    </message>
    <message>
        <source>Is it held today? Then it moves to today, and the plan history says so. Or open it only to look at it.</source>
        <translation>Afholdes den i dag? Så flyttes den til i dag, og planhistorikken viser det. Eller åbn den kun for at se den.</translation>
    </message>
    <message>
        <source>Held &amp;today: move it to today</source>
        <translation>Afholdes i &amp;dag: flyt den til i dag</translation>
    </message>
    <message>
        <source>&amp;Write up the note of %1</source>
        <translation>&amp;Skriv notatet til %1</translation>
    </message>
    <message>
        <source>Only &amp;look</source>
        <translation>Kun &amp;se</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>DeferDialog</name>
    <message>
        <source>Put the theme aside</source>
        <translation>Udsæt temaet</translation>
    </message>
    <message>
        <source>Put aside</source>
        <translation>Udsæt</translation>
    </message>
    <message>
        <source>This session becomes an ordinary MOVE session. The theme moves to an extra session one week after the last trauma-focused session, and the sessions after that move one week later.</source>
        <translation>Denne session bliver en almindelig MOVE-session. Temaet flyttes til en ekstra session en uge efter den sidste traumefokuserede session, og sessionerne derefter rykkes en uge.</translation>
    </message>
    <message>
        <source>e.g. the client is not ready today</source>
        <translation>fx klienten er ikke klar i dag</translation>
    </message>
</context>
<context>
    <name>DialogConflictBar</name>
    <message>
        <source>Changed by %1 at %2 while this window was open.</source>
        <translation>Ændret af %1 kl. %2, mens vinduet var åbent.</translation>
    </message>
    <message>
        <source>Changed by someone else while this window was open.</source>
        <translation>Ændret af en anden, mens vinduet var åbent.</translation>
    </message>
    <message>
        <source>Nothing of yours is saved yet. Reload shows their change; what you entered here stays, and OK then saves it.</source>
        <translation>Intet af dit er gemt endnu. Genindlæs viser deres ændring; det, du har skrevet her, bliver stående, og OK gemmer det derefter.</translation>
    </message>
</context>
<context>
    <name>DraftAutosave</name>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gemt %1</translation>
    </message>
    <message>
        <source>Not saved (see above)</source>
        <translation>Ikke gemt (se ovenfor)</translation>
    </message>
    <message>
        <source>Not saved: %1 – the text is kept here; Ctrl+S tries again.</source>
        <translation>Ikke gemt: %1 – teksten er her stadig; Ctrl+S prøver igen.</translation>
    </message>
</context>
<context>
    <name>EndCourseDialog</name>
    <message>
        <source>End the course</source>
        <translation>Afslut forløbet</translation>
    </message>
    <message>
        <source>End course</source>
        <translation>Afslut forløb</translation>
    </message>
    <message>
        <source>&amp;Completed</source>
        <translation>&amp;Gennemført</translation>
    </message>
    <message>
        <source>Ended &amp;early</source>
        <translation>Afsluttet &amp;før tid</translation>
    </message>
    <message>
        <source>The course was:</source>
        <translation>Forløbet blev:</translation>
    </message>
    <message>
        <source>&amp;Ended on:</source>
        <translation>&amp;Afsluttet den:</translation>
    </message>
    <message>
        <source>&amp;Why it ended early:</source>
        <translation>&amp;Hvorfor det sluttede før tid:</translation>
    </message>
    <message>
        <source>In &amp;words:</source>
        <translation>Med &amp;ord:</translation>
    </message>
</context>
<context>
    <name>EraseClientDialog</name>
    <message>
        <source>Erase the client</source>
        <translation>Slet klienten</translation>
    </message>
    <message>
        <source>Erase the client %1</source>
        <translation>Slet klienten %1</translation>
    </message>
    <message>
        <source>Everything about the client is erased: %1 courses and %2 sessions with their notes, addenda and logbook entries, plan history, goals, ITQ scores, status letters, safety flags, supervisors&apos; comments, recording consents and coding ratings.</source>
        <translation>Alt om klienten slettes: %1 forløb og %2 sessioner med deres notater, tilføjelser og logbogsposter, planhistorik, mål, ITQ-scorer, statusbreve, sikkerhedsflag, supervisorers kommentarer, samtykker til optagelse og kodningsratinger.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Backups made before today still hold the client until they are thinned out; a restore erases the client again. The audit trail keeps only the client&apos;s id.</source>
        <translation>Sikkerhedskopier fra før i dag indeholder stadig klienten, indtil de udtyndes; en gendannelse sletter klienten igen. Revisionssporet beholder kun klientens id.</translation>
    </message>
    <message>
        <source>Type the client&apos;s code, %1, to confirm:</source>
        <translation>Skriv klientens kode, %1, for at bekræfte:</translation>
    </message>
    <message>
        <source>The client&apos;s code</source>
        <translation>Klientens kode</translation>
    </message>
    <message>
        <source>The client has a planned or active course and cannot be erased. Once the course has ended, the client&apos;s data are kept for %1 years.</source>
        <translation>Klienten har et planlagt eller aktivt forløb og kan ikke slettes. Når forløbet er afsluttet, gemmes klientens data i %1 år.</translation>
    </message>
    <message>
        <source>The client&apos;s data are kept %1 years after their last course ended (%2). The client can be erased from %3.</source>
        <translation>Klientens data gemmes %1 år efter, at det sidste forløb sluttede (%2). Klienten kan slettes fra %3.</translation>
    </message>
</context>
<context>
    <name>ExtraSessionDialog</name>
    <message>
        <source>Extra session</source>
        <translation>Ekstra session</translation>
    </message>
    <message>
        <source>A session in addition to the plan, for example when the client asks for more.</source>
        <translation>En session ud over planen, fx når klienten beder om flere.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;ema:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Tid:</translation>
    </message>
</context>
<context>
    <name>FirstUserDialog</name>
    <message>
        <source>Welcome to Traumefokus</source>
        <translation>Velkommen til Traumefokus</translation>
    </message>
    <message>
        <source>e.g. mette.h</source>
        <translation>fx mette.h</translation>
    </message>
    <message>
        <source>e.g. Mette Hansen</source>
        <translation>fx Mette Hansen</translation>
    </message>
    <message>
        <source>Optional, e.g. social worker</source>
        <translation>Valgfrit, fx socialrådgiver</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Mindst %1 tegn</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Fulde navn:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Repeat the password:</source>
        <translation>&amp;Gentag adgangskoden:</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Opret administrator</translation>
    </message>
    <message>
        <source>There are no users yet. Create the first user: they become the administrator and can then add therapists, supervisors and coders.</source>
        <translation>Der er endnu ingen brugere. Opret den første bruger: vedkommende bliver administrator og kan derefter oprette behandlere, supervisorer og kodere.</translation>
    </message>
    <message>
        <source>Letters, digits, dot, hyphen or underscore, starting with a letter.</source>
        <translation>Bogstaver, tal, punktum, bindestreg eller understreg; første tegn skal være et bogstav.</translation>
    </message>
    <message>
        <source>Data is kept in: %1</source>
        <translation>Data gemmes i: %1</translation>
    </message>
</context>
<context>
    <name>FlagDialog</name>
    <message>
        <source>Raise a safety flag</source>
        <translation>Sæt et sikkerhedsflag</translation>
    </message>
    <message>
        <source>Raise the flag</source>
        <translation>Sæt flaget</translation>
    </message>
    <message>
        <source>The flag stays on the course and on every note, seen by everyone who opens it, until it is cleared with a word on what was done. Say briefly what the risk is.</source>
        <translation>Flaget bliver stående på forløbet og på hver note, synligt for alle der åbner det, til det ryddes med et ord om, hvad der er gjort. Skriv kort, hvad risikoen er.</translation>
    </message>
    <message>
        <source>&amp;The flag&apos;s text:</source>
        <translation>Flagets &amp;tekst:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Optional: why, in a few words</source>
        <translation>Valgfrit: hvorfor, med få ord</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begrundelse:</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Edit goal</source>
        <translation>Rediger mål</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nyt mål</translation>
    </message>
    <message>
        <source>Write the goal in the client&apos;s own words.</source>
        <translation>Skriv målet med klientens egne ord.</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Mål:</translation>
    </message>
    <message>
        <source>&amp;Dated:</source>
        <translation>&amp;Dato:</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>Brugervejledning</translation>
    </message>
    <message>
        <source>Search the guide (Ctrl+F)</source>
        <translation>Søg i vejledningen (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Næste</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Forrige</translation>
    </message>
    <message>
        <source>The user guide is missing: %1</source>
        <translation>Brugervejledningen mangler: %1</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Ikke fundet</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Brugervejledning</translation>
    </message>
</context>
<context>
    <name>IdleLockPage</name>
    <message>
        <source>Idle lock</source>
        <translation>Automatisk lås</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>Lock the screens after:</source>
        <translation>Lås skærmene efter:</translation>
    </message>
    <message>
        <source>Minutes without a key press or mouse movement. A session under way counts as activity, so a conversation is never interrupted.</source>
        <translation>Minutter uden tastetryk eller musebevægelse. En igangværende session tæller som aktivitet, så en samtale aldrig bliver afbrudt.</translation>
    </message>
</context>
<context>
    <name>InclusionNote</name>
    <message>
        <source>Con&amp;firm and go on…</source>
        <translation>Bekræft og f&amp;ortsæt…</translation>
    </message>
    <message>
        <source>The ITQ at assessment (%1) does not show PTSD symptoms.</source>
        <translation>ITQ ved forsamtalen (%1) viser ikke PTSD-symptomer.</translation>
    </message>
    <message>
        <source>The course is for clients with PTSD symptoms: confirm to go on.</source>
        <translation>Forløbet er for klienter med PTSD-symptomer: bekræft for at fortsætte.</translation>
    </message>
    <message>
        <source>The ITQ at assessment (%1) did not show PTSD symptoms; going on was not confirmed.</source>
        <translation>ITQ ved forsamtalen (%1) viste ikke PTSD-symptomer; det blev ikke bekræftet, at forløbet skulle fortsætte.</translation>
    </message>
    <message>
        <source>The ITQ at assessment (%1) does not show PTSD symptoms; going on with the course was confirmed on %3 by %2.</source>
        <translation>ITQ ved forsamtalen (%1) viser ikke PTSD-symptomer; at forløbet fortsætter, blev bekræftet den %3 af %2.</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Hvorfor: %1</translation>
    </message>
</context>
<context>
    <name>ItqDialog</name>
    <message>
        <source>ITQ – International Trauma Questionnaire</source>
        <translation>ITQ – International Trauma Questionnaire</translation>
    </message>
    <message>
        <source>&amp;Occasion:</source>
        <translation>&amp;Anledning:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>Validated wording. Source: %1</source>
        <translation>Valideret ordlyd. Kilde: %1</translation>
    </message>
    <message>
        <source>This wording is not validated.</source>
        <translation>Denne ordlyd er ikke valideret.</translation>
    </message>
    <message>
        <source>Use the result as a guide, not as a validated screening. A centre can install a validated wording as %1 in the data directory.</source>
        <translation>Brug resultatet som en rettesnor, ikke som en valideret screening. Et center kan lægge en valideret ordlyd ind som %1 i datamappen.</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Kilde: %1</translation>
    </message>
    <message>
        <source>%1 of 18 answered</source>
        <translation>%1 af 18 besvaret</translation>
    </message>
    <message>
        <source>endorsed: %1</source>
        <translation>til stede: %1</translation>
    </message>
</context>
<context>
    <name>KeptText</name>
    <message>
        <source>Your text from before the reload (not saved)</source>
        <translation>Din tekst fra før genindlæsningen (ikke gemt)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiér</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Skjul</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Your language:</source>
        <translation>Dit sprog:</translation>
    </message>
    <message>
        <source>Menus, dialogs and papers. Everyone chooses their own.</source>
        <translation>Menuer, dialoger og papirer. Hver bruger vælger sit eget.</translation>
    </message>
</context>
<context>
    <name>LetterEditor</name>
    <message>
        <source>Status letter after %1 sessions</source>
        <translation>Statusbrev efter %1 sessioner</translation>
    </message>
    <message>
        <source>Start again from the facts…</source>
        <translation>Start forfra ud fra forløbet…</translation>
    </message>
    <message>
        <source>Status letter</source>
        <translation>Statusbrev</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>&amp;Brev:</translation>
    </message>
    <message>
        <source>&amp;Preview and print…</source>
        <translation>&amp;Vis og udskriv…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>A blank line starts a new paragraph; a line that starts with “- ” is a bullet. Write about progress where the draft has [square brackets]: the letter is printed once they are filled in.</source>
        <translation>En tom linje begynder et nyt afsnit; en linje, der begynder med “- ”, bliver et punkt. Skriv om fremskridt dér, hvor udkastet har [kantede parenteser]: brevet udskrives, når de er udfyldt.</translation>
    </message>
    <message>
        <source>After %1 sessions (%2)</source>
        <translation>Efter %1 sessioner (%2)</translation>
    </message>
    <message>
        <source>Printed %1. The letter is kept as the client received it: it can be printed again, not changed.</source>
        <translation>Udskrevet %1. Brevet gemmes, som klienten fik det: det kan udskrives igen, men ikke ændres.</translation>
    </message>
    <message>
        <source>A first draft from the course: read it and make it yours.</source>
        <translation>Et første udkast ud fra forløbet: læs det, og gør det til dit eget.</translation>
    </message>
    <message>
        <source>The letter could not be saved. Close without saving the changes?</source>
        <translation>Brevet kunne ikke gemmes. Vil du lukke uden at gemme ændringerne?</translation>
    </message>
    <message>
        <source>Not printed yet</source>
        <translation>Ikke udskrevet endnu</translation>
    </message>
    <message>
        <source>printed %1</source>
        <translation>udskrevet %1</translation>
    </message>
    <message>
        <source>not printed</source>
        <translation>ikke udskrevet</translation>
    </message>
    <message>
        <source>Replace the text with a new draft from the course&apos;s facts?</source>
        <translation>Erstat teksten med et nyt udkast ud fra forløbet?</translation>
    </message>
</context>
<context>
    <name>ListsPage</name>
    <message>
        <source>Lists</source>
        <translation>Lister</translation>
    </message>
    <message>
        <source>Why a course ended early</source>
        <translation>Hvorfor et forløb sluttede før tid</translation>
    </message>
    <message>
        <source>Why a session was not held</source>
        <translation>Hvorfor en session ikke blev holdt</translation>
    </message>
    <message>
        <source>Kinds of other treatment</source>
        <translation>Former for anden behandling</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>&amp;Liste:</translation>
    </message>
    <message>
        <source>Double-click a text to rename it. An entry that has been used keeps its id: retire it rather than remove it, and what was chosen before keeps its name.</source>
        <translation>Dobbeltklik på en tekst for at omdøbe den. En post, der har været brugt, beholder sit id: tag den ud af brug i stedet for at fjerne den, så det, der blev valgt før, beholder sit navn.</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Tilføj</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>Tag &amp;ud af brug</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flyt &amp;op</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Flyt &amp;ned</translation>
    </message>
    <message>
        <source>Restore &amp;defaults for this list</source>
        <translation>Gendan &amp;standard for denne liste</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(ny)</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Ude af brug</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>I brug</translation>
    </message>
    <message>
        <source>Bring &amp;back</source>
        <translation>Tag i &amp;brug igen</translation>
    </message>
    <message>
        <source>Every entry needs a Danish and an English text.</source>
        <translation>Hver post skal have en dansk og en engelsk tekst.</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>Traumefokus is locked</source>
        <translation>Traumefokus er låst</translation>
    </message>
</context>
<context>
    <name>LogbookExporter</name>
    <message>
        <source>Spreadsheet (*.xlsx)</source>
        <translation>Regneark (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Danish Excel, with semicolons (*.csv)</source>
        <translation>CSV til dansk Excel, med semikolon (*.csv)</translation>
    </message>
    <message>
        <source>CSV with commas (*.csv)</source>
        <translation>CSV med komma (*.csv)</translation>
    </message>
    <message>
        <source>logbook</source>
        <translation>logbog</translation>
    </message>
    <message>
        <source>Export the logbook</source>
        <translation>Eksportér logbogen</translation>
    </message>
    <message>
        <source>Exporting the logbook…</source>
        <translation>Eksporterer logbogen…</translation>
    </message>
    <message>
        <source>Exporting the logbook: %1 of %2 sessions…</source>
        <translation>Eksporterer logbogen: %1 af %2 sessioner…</translation>
    </message>
</context>
<context>
    <name>LogbookFields</name>
    <message>
        <source>– not said –</source>
        <translation>– ikke oplyst –</translation>
    </message>
</context>
<context>
    <name>LogbookFilters</name>
    <message>
        <source>All methods</source>
        <translation>Alle metoder</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Denne måned</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Sidste måned</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>I år</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Sidste år</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Valgte datoer</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <source>The first day of the period</source>
        <translation>Periodens første dag</translation>
    </message>
    <message>
        <source>The last day of the period</source>
        <translation>Periodens sidste dag</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ikke registreret</translation>
    </message>
    <message>
        <source>Any attendance</source>
        <translation>Alt fremmøde</translation>
    </message>
    <message>
        <source>No note</source>
        <translation>Intet notat</translation>
    </message>
    <message>
        <source>Any note</source>
        <translation>Alle notater</translation>
    </message>
    <message>
        <source>Any course</source>
        <translation>Alle forløb</translation>
    </message>
    <message>
        <source>Part of a code</source>
        <translation>Del af en kode</translation>
    </message>
    <message>
        <source>Clea&amp;r filters</source>
        <translation>R&amp;yd filtre</translation>
    </message>
    <message>
        <source>Th&amp;erapist</source>
        <translation>&amp;Behandler</translation>
    </message>
    <message>
        <source>S&amp;ite</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>&amp;Metode</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>Atte&amp;ndance</source>
        <translation>F&amp;remmøde</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>No&amp;tat</translation>
    </message>
    <message>
        <source>Co&amp;urse</source>
        <translation>Forl&amp;øb</translation>
    </message>
    <message>
        <source>Client co&amp;de</source>
        <translation>Klientko&amp;de</translation>
    </message>
    <message>
        <source>All therapists</source>
        <translation>Alle behandlere</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Alle steder</translation>
    </message>
</context>
<context>
    <name>LogbookModel</name>
    <message>
        <source>This column cannot be sorted.</source>
        <translation>Der kan ikke sorteres efter denne kolonne.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metode</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>%1; held by %2</source>
        <translation>%1; holdt af %2</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ikke registreret</translation>
    </message>
    <message>
        <source>Planned for %1</source>
        <translation>Planlagt til %1</translation>
    </message>
    <message>
        <source>Follow-up +%1 mo.</source>
        <translation>Opfølgning +%1 md.</translation>
    </message>
    <message>
        <source>Extra session</source>
        <translation>Ekstrasession</translation>
    </message>
</context>
<context>
    <name>LogbookView</name>
    <message>
        <source>Looking…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Open the session</source>
        <translation>Åbn sessionen</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Eksportér…</translation>
    </message>
    <message>
        <source>The sessions the filters select, as a spreadsheet or a CSV file with a codebook, pseudonymised: no client codes or names.</source>
        <translation>De sessioner, filtrene vælger, som regneark eller CSV-fil med en kodebog, pseudonymiseret: uden klientkoder og navne.</translation>
    </message>
    <message>
        <source>Logbook</source>
        <translation>Logbog</translation>
    </message>
    <message>
        <source>1 session</source>
        <translation>1 session</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1 sessioner</translation>
    </message>
    <message>
        <source>%1 of %2 sessions</source>
        <translation>%1 af %2 sessioner</translation>
    </message>
    <message>
        <source>(the first %1 shown; scroll for more)</source>
        <translation>(de første %1 vises; rul for flere)</translation>
    </message>
    <message>
        <source>No sessions on record yet. A session is in the logbook once its attendance or its note is recorded.</source>
        <translation>Ingen sessioner registreret endnu. En session kommer i logbogen, når dens fremmøde eller dens notat er registreret.</translation>
    </message>
    <message>
        <source>No sessions match these filters. Clear filters shows them all.</source>
        <translation>Ingen sessioner passer til disse filtre. Ryd filtre viser dem alle.</translation>
    </message>
    <message>
        <source>The logbook could not be read: %1</source>
        <translation>Logbogen kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>Choose a session in the list first.</source>
        <translation>Vælg først en session i listen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>Install content &amp;pack…</source>
        <translation>Installér &amp;indholdspakke…</translation>
    </message>
    <message>
        <source>Install p&amp;rogramme…</source>
        <translation>Installér p&amp;rogram…</translation>
    </message>
    <message>
        <source>Only an administrator can install content.</source>
        <translation>Kun en administrator kan installere indhold.</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Skift &amp;adgangskode…</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Lås skærmen</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Skift &amp;bruger…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Klient</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Content: packs and programmes…</source>
        <translation>&amp;Indhold: pakker og programmer…</translation>
    </message>
    <message>
        <source>Show client &amp;names</source>
        <translation>Vis klient&amp;navne</translation>
    </message>
    <message>
        <source>Names identify clients: show them only when no one else can see the screen.</source>
        <translation>Navne identificerer klienter: vis dem kun, når ingen andre kan se skærmen.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>Admi&amp;nistration</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Brugere…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;About Traumefokus</source>
        <translation>&amp;Om Traumefokus</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <source>C&amp;lients</source>
        <translation>K&amp;lienter</translation>
    </message>
    <message>
        <source>Lo&amp;gbook</source>
        <translation>Lo&amp;gbog</translation>
    </message>
    <message>
        <source>&amp;Supervision</source>
        <translation>&amp;Overblik</translation>
    </message>
    <message>
        <source>Coding rounds</source>
        <translation>Kodningsrunder</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Revisionsspor</translation>
    </message>
    <message>
        <source>Co&amp;ding</source>
        <translation>Ko&amp;dning</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>Bruger: %1 (%2)</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Data: %1</translation>
    </message>
    <message>
        <source>Notes from earlier days that are not signed: at the top of Today.</source>
        <translation>Noter fra tidligere dage, der ikke er underskrevet: øverst under I dag.</translation>
    </message>
    <message>
        <source>Overdue notes: %1</source>
        <translation>Forsinkede noter: %1</translation>
    </message>
    <message>
        <source>About Traumefokus</source>
        <translation>Om Traumefokus</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Traumefokus %1&lt;/h3&gt;&lt;p&gt;Guides trauma-focused Seeking Safety and Creating Change sessions inside a MOVE course.&lt;/p&gt;&lt;p&gt;Traumefokus contains no text from the Seeking Safety or Creating Change manuals; a centre loads its own licensed material.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Traumefokus %1&lt;/h3&gt;&lt;p&gt;Guider traumefokuserede Seeking Safety- og Creating Change-sessioner i et MOVE-forløb.&lt;/p&gt;&lt;p&gt;Traumefokus indeholder ingen tekst fra Seeking Safety- eller Creating Change-manualerne; et center indlæser selv sit licenserede materiale.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MissedThemeDialog</name>
    <message>
        <source>What becomes of the theme?</source>
        <translation>Hvad sker der med temaet?</translation>
    </message>
    <message>
        <source>%1 was not held (%2). Its theme must not be lost: choose what happens.</source>
        <translation>%1 blev ikke afholdt (%2). Temaet må ikke gå tabt: vælg hvad der sker med det.</translation>
    </message>
    <message>
        <source>&amp;Decide</source>
        <translation>Beslu&amp;t</translation>
    </message>
    <message>
        <source>Decide &amp;later</source>
        <translation>Beslut &amp;senere</translation>
    </message>
    <message>
        <source>The theme stays open on the course page until decided</source>
        <translation>Temaet står som åbent på forløbssiden, indtil det er besluttet</translation>
    </message>
    <message>
        <source>(sessions after it move a week later: %1)</source>
        <translation>(sessioner derefter rykkes en uge: %1)</translation>
    </message>
    <message>
        <source>&amp;Move it to an extra session on %1</source>
        <translation>&amp;Flyt det til en ekstra session %1</translation>
    </message>
    <message>
        <source>Re&amp;place it by another theme:</source>
        <translation>&amp;Erstat det med et andet tema:</translation>
    </message>
    <message>
        <source>Dr&amp;op it from the course (say why below)</source>
        <translation>&amp;Drop det fra forløbet (skriv hvorfor nedenfor)</translation>
    </message>
    <message>
        <source>Every theme the programme offers is chosen already</source>
        <translation>Alle temaer, programmet tilbyder, er allerede valgt</translation>
    </message>
    <message>
        <source>Needed: why the theme is dropped</source>
        <translation>Skal udfyldes: hvorfor temaet droppes</translation>
    </message>
    <message>
        <source>Optional: why, in a few words</source>
        <translation>Valgfrit: hvorfor, med få ord</translation>
    </message>
</context>
<context>
    <name>MissedThemesNote</name>
    <message>
        <source>Theme still open: %1</source>
        <translation>Tema stadig åbent: %1</translation>
    </message>
    <message>
        <source>(%1 was not held; move it on, replace it or drop it)</source>
        <translation>(%1 blev ikke afholdt; flyt det, erstat det eller drop det)</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Beslut…</translation>
    </message>
</context>
<context>
    <name>NewCourseDialog</name>
    <message>
        <source>New course</source>
        <translation>Nyt forløb</translation>
    </message>
    <message>
        <source>Plan the course</source>
        <translation>Planlæg forløbet</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Klient:</translation>
    </message>
    <message>
        <source>&amp;Therapist:</source>
        <translation>&amp;Behandler:</translation>
    </message>
    <message>
        <source>&amp;Programme:</source>
        <translation>&amp;Program:</translation>
    </message>
    <message>
        <source>&amp;Start (session 0):</source>
        <translation>&amp;Start (session 0):</translation>
    </message>
    <message>
        <source>&amp;Weekly on:</source>
        <translation>&amp;Ugentligt om:</translation>
    </message>
    <message>
        <source>At &amp;time:</source>
        <translation>K&amp;lokken:</translation>
    </message>
    <message>
        <source>The plan:</source>
        <translation>Planen:</translation>
    </message>
</context>
<context>
    <name>NewRoundDialog</name>
    <message>
        <source>New coding round</source>
        <translation>Ny kodningsrunde</translation>
    </message>
    <message>
        <source>The sessions are drawn at random among the signed trauma sessions of the method in the period that were recorded with the client&apos;s consent.</source>
        <translation>Sessionerne trækkes tilfældigt blandt metodens underskrevne traumesessioner i perioden, som blev optaget med klientens samtykke.</translation>
    </message>
    <message>
        <source>&amp;Draw the round</source>
        <translation>&amp;Træk runden</translation>
    </message>
    <message>
        <source>e.g. SS spring 2026</source>
        <translation>fx SS forår 2026</translation>
    </message>
    <message>
        <source>Share the sample among the therapists</source>
        <translation>Fordel stikprøven på behandlerne</translation>
    </message>
    <message>
        <source>Each therapist&apos;s share of the sample follows their share of the sessions.</source>
        <translation>Hver behandlers andel af stikprøven følger deres andel af sessionerne.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Metode:</translation>
    </message>
    <message>
        <source>Period &amp;from:</source>
        <translation>Periode &amp;fra:</translation>
    </message>
    <message>
        <source>Period &amp;to:</source>
        <translation>Periode t&amp;il:</translation>
    </message>
    <message>
        <source>&amp;Sessions to draw:</source>
        <translation>&amp;Sessioner, der trækkes:</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>F&amp;rø:</translation>
    </message>
    <message>
        <source>The same seed and data draw the same sessions on any machine.</source>
        <translation>Samme frø og data trækker de samme sessioner på enhver maskine.</translation>
    </message>
    <message>
        <source>&amp;Coders:</source>
        <translation>&amp;Kodere:</translation>
    </message>
    <message>
        <source>There are no active coders: an administrator adds them.</source>
        <translation>Der er ingen aktive kodere: en administrator opretter dem.</translation>
    </message>
    <message>
        <source>Counting the eligible sessions…</source>
        <translation>Tæller de sessioner, der kan trækkes…</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>Perioden slutter, før den begynder.</translation>
    </message>
    <message>
        <source>No session in the period is signed, recorded and consented to.</source>
        <translation>Ingen session i perioden er underskrevet, optaget og med samtykke.</translation>
    </message>
    <message>
        <source>Sessions in the period that can be drawn: %1 (signed, recorded, with the client&apos;s consent).</source>
        <translation>Sessioner i perioden, der kan trækkes: %1 (underskrevne, optagne, med klientens samtykke).</translation>
    </message>
    <message>
        <source>Choose at least one coder.</source>
        <translation>Vælg mindst én koder.</translation>
    </message>
</context>
<context>
    <name>OtherTreatmentBox</name>
    <message>
        <source>Other treatment since last time</source>
        <translation>Anden behandling siden sidst</translation>
    </message>
    <message>
        <source>What, in a few words</source>
        <translation>Hvad, med få ord</translation>
    </message>
</context>
<context>
    <name>PrefillMark</name>
    <message>
        <source>pre-filled from the record</source>
        <translation>forudfyldt fra journalen</translation>
    </message>
    <message>
        <source>✓ Confirm</source>
        <translation>✓ Bekræft</translation>
    </message>
</context>
<context>
    <name>PrefillWords</name>
    <message>
        <source>Worksheets: %1 used, %2 handed out</source>
        <translation>Arbejdsark: %1 brugt, %2 udleveret</translation>
    </message>
    <message>
        <source>Check-in: something is noted</source>
        <translation>Tjek-ind: der er noteret noget</translation>
    </message>
    <message>
        <source>Quote: the client&apos;s reading of it is noted</source>
        <translation>Citat: klientens forståelse af det er noteret</translation>
    </message>
    <message>
        <source>A commitment is written</source>
        <translation>Der er skrevet en aftale</translation>
    </message>
    <message>
        <source>Check-out: something is noted</source>
        <translation>Tjek-ud: der er noteret noget</translation>
    </message>
    <message>
        <source>From the record: %1</source>
        <translation>Fra journalen: %1</translation>
    </message>
    <message>
        <source>Pre-filled from the session&apos;s record: %1.
Suggested: %2.
It is not a rating until you confirm it or choose another value.</source>
        <translation>Forudfyldt fra sessionens journal: %1.
Forslag: %2.
Det er ikke en vurdering, før du bekræfter den eller vælger en anden værdi.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>The client&apos;s &amp;name on paper</source>
        <translation>Klientens &amp;navn på papiret</translation>
    </message>
    <message>
        <source>Worksheets:</source>
        <translation>Arbejdsark:</translation>
    </message>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>&amp;Udskriv… (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF… (Ctrl+S)</source>
        <translation>&amp;Gem som PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Preparing the pages…</source>
        <translation>Gør siderne klar…</translation>
    </message>
    <message>
        <source>Pages: %1</source>
        <translation>Sider: %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Udskriver…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sendt til printeren.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gemt som %1</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Gem som PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Afbrudt.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Session note</source>
        <translation>Sessionsnote</translation>
    </message>
    <message>
        <source>All session notes</source>
        <translation>Alle sessionsnoter</translation>
    </message>
    <message>
        <source>Handout for the client</source>
        <translation>Arbejdsark til klienten</translation>
    </message>
    <message>
        <source>Course plan for the client</source>
        <translation>Forløbsplan til klienten</translation>
    </message>
    <message>
        <source>Status letter</source>
        <translation>Statusbrev</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Længde</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Dagsorden</translation>
    </message>
    <message>
        <source>%1 · version %2 · pack %3 · a session every %4 days · a gift card of %5 kr every %6 sessions (at most %7) · a status letter every %8 sessions</source>
        <translation>%1 · version %2 · pakke %3 · en session hver %4. dag · et gavekort på %5 kr. hver %6. session (højst %7) · et statusbrev efter hver %8. session</translation>
    </message>
    <message>
        <source>+%1 mo.</source>
        <translation>+%1 mdr.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min.</translation>
    </message>
    <message>
        <source>%1 (minutes)</source>
        <translation>%1 (minutter)</translation>
    </message>
    <message>
        <source>%1 themes offered, %2 are chosen with the client:</source>
        <translation>%1 temaer tilbydes, %2 vælges sammen med klienten:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Mappe</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <comment>All other platforms</comment>
        <translation>Genvej</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Drev</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>&amp;Billing information:</source>
        <translation>&amp;Betalingsinformation:</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>Job&amp;prioritet:</translation>
    </message>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>Planlagt &amp;udskrivning:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>S&amp;lut:</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Kig i:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Filer af &amp;type:</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>Sider &amp;pr. ark:</translation>
    </message>
    <message>
        <source>Page &amp;order:</source>
        <translation>Side&amp;orden:</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Double Sided Printing</source>
        <translation>Dobbeltsidet udskrivning</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Indbinding på den lange side</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Indbinding på den korte side</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>Side&amp;sæt:</translation>
    </message>
</context>
<context>
    <name>QuotePage</name>
    <message>
        <source>Show to client (F5)</source>
        <translation>Vis for klienten (F5)</translation>
    </message>
    <message>
        <source>What the client thinks it &amp;means:</source>
        <translation>Hvad klienten tror, det &amp;betyder:</translation>
    </message>
    <message>
        <source>&amp;Link to today&apos;s theme:</source>
        <translation>&amp;Kobling til dagens tema:</translation>
    </message>
    <message>
        <source>Let the client read the quote aloud if they can, then ask what it might mean.</source>
        <translation>Lad klienten læse citatet højt, hvis det er muligt, og spørg så, hvad det mon betyder.</translation>
    </message>
</context>
<context>
    <name>RatingForm</name>
    <message>
        <source>Adherence</source>
        <translation>Adhærens</translation>
    </message>
    <message>
        <source>Helpfulness</source>
        <translation>Hjælpsomhed</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Can&apos;t rate</source>
        <translation>Kan ikke vurderes</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Session:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Metode:</translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <source>Number in the course:</source>
        <translation>Nr. i forløbet:</translation>
    </message>
    <message>
        <source>Date (shifted):</source>
        <translation>Dato (forskudt):</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Varighed:</translation>
    </message>
    <message>
        <source>Time per agenda point:</source>
        <translation>Tid pr. dagsordenspunkt:</translation>
    </message>
    <message>
        <source>Worksheets used:</source>
        <translation>Brugte arbejdsark:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <source>← &amp;Back to the queue</source>
        <translation>← &amp;Tilbage til køen</translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation>&amp;Indsend…</translation>
    </message>
    <message>
        <source>Confirm &amp;all pre-filled</source>
        <translation>Bekræft &amp;alle forudfyldte</translation>
    </message>
    <message>
        <source>%1, number %2 in the draw: %3</source>
        <translation>%1, nr. %2 i udtrækningen: %3</translation>
    </message>
    <message>
        <source>Read only: this rating has been submitted and no longer changes.</source>
        <translation>Skrivebeskyttet: vurderingen er indsendt og ændres ikke længere.</translation>
    </message>
    <message>
        <source>Pre-filled from the session&apos;s record: %1 of the ratings (marked &quot;pre-filled from the record&quot;). They count once you confirm them or choose another value.</source>
        <translation>Forudfyldt fra sessionens journal: %1 af vurderingerne (markeret „forudfyldt fra journalen“). De tæller først, når du bekræfter dem eller vælger en anden værdi.</translation>
    </message>
    <message>
        <source>Other items</source>
        <translation>Øvrige punkter</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Styrker</translation>
    </message>
    <message>
        <source>Weaknesses</source>
        <translation>Svagheder</translation>
    </message>
    <message>
        <source>Every rating is given: ready to submit.</source>
        <translation>Alle vurderinger er givet: klar til at indsende.</translation>
    </message>
    <message>
        <source>%1 of %2 ratings still to give, %3 of them pre-filled: confirm or change.</source>
        <translation>%1 af %2 vurderinger mangler, %3 af dem forudfyldt: bekræft eller ret.</translation>
    </message>
    <message>
        <source>%1 of %2 ratings still to give.</source>
        <translation>%1 af %2 vurderinger mangler.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke gemt: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Gemt %1</translation>
    </message>
    <message>
        <source>Submit the rating</source>
        <translation>Indsend vurderingen</translation>
    </message>
    <message>
        <source>Submit the rating of %1? A submitted rating can no longer be changed.</source>
        <translation>Indsend vurderingen af %1? En indsendt vurdering kan ikke længere ændres.</translation>
    </message>
</context>
<context>
    <name>RecordCheckWords</name>
    <message>
        <source>Check-in took 0 minutes</source>
        <translation>Tjek-ind tog 0 minutter</translation>
    </message>
    <message>
        <source>Check-in took %1 of at most %2 minutes</source>
        <translation>Tjek-ind tog %1 af højst %2 minutter</translation>
    </message>
    <message>
        <source>Check-out took %1 of %2 minutes</source>
        <translation>Tjek-ud tog %1 af %2 minutter</translation>
    </message>
    <message>
        <source>Check-in: nothing is noted</source>
        <translation>Tjek-ind: intet er noteret</translation>
    </message>
    <message>
        <source>Quote: the client&apos;s reading of it is not noted</source>
        <translation>Citat: klientens forståelse af citatet er ikke noteret</translation>
    </message>
    <message>
        <source>No worksheet is marked as used</source>
        <translation>Intet arbejdsark er markeret som brugt</translation>
    </message>
    <message>
        <source>No worksheet is marked as handed out</source>
        <translation>Intet arbejdsark er markeret som udleveret</translation>
    </message>
    <message>
        <source>No commitment is written</source>
        <translation>Der er ikke skrevet nogen aftale</translation>
    </message>
    <message>
        <source>Check-out: nothing is noted</source>
        <translation>Tjek-ud: intet er noteret</translation>
    </message>
</context>
<context>
    <name>RecordItemsView</name>
    <message>
        <source>Counting the record items…</source>
        <translation>Tæller journalpunkterne…</translation>
    </message>
    <message>
        <source>Whole period</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <source>%1 · %2 · %3: %4 met, %5 not met, %6 cannot tell from the record (%7 met of those that can)</source>
        <translation>%1 · %2 · %3: %4 opfyldt, %5 ikke opfyldt, %6 kan ikke afgøres af journalen (%7 opfyldt af dem, der kan)</translation>
    </message>
    <message>
        <source>no signed trauma session</source>
        <translation>ingen underskrevet traumefokuseret session</translation>
    </message>
    <message>
        <source>none met</source>
        <translation>ingen opfyldt</translation>
    </message>
    <message>
        <source>all met</source>
        <translation>alle opfyldt</translation>
    </message>
    <message>
        <source>no session, or none the record can tell</source>
        <translation>ingen session, eller ingen journalen kan afgøre</translation>
    </message>
    <message>
        <source>Record items per therapist and month</source>
        <translation>Journalpunkter pr. behandler og måned</translation>
    </message>
    <message>
        <source>The same figures are in the two tables below the chart.</source>
        <translation>De samme tal står i de to tabeller under diagrammet.</translation>
    </message>
    <message>
        <source>No signed, held trauma session in the period.</source>
        <translation>Ingen underskrevet, afholdt traumefokuseret session i perioden.</translation>
    </message>
    <message>
        <source>The signed, held trauma sessions in the period (%1) judged on the format items their record can show: per therapist and month, the share that met each item, of the sessions whose record can tell. Warm cells: few met. Point at a cell for its counts.</source>
        <translation>De underskrevne, afholdte traumefokuserede sessioner i perioden (%1), bedømt på de formatpunkter, journalen kan vise: pr. behandler og måned andelen, der opfyldte punktet, af de sessioner, journalen kan afgøre. Varme felter: få opfyldt. Peg på et felt for at se antallet.</translation>
    </message>
</context>
<context>
    <name>RecordSelfCheck</name>
    <message>
        <source>Self-check from the note (for your information; signing is not stopped):</source>
        <translation>Selvtjek ud fra notatet (til orientering – det forhindrer ikke underskrift):</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Gendannelsesnøgle</translation>
    </message>
    <message>
        <source>&amp;Print the recovery key…</source>
        <translation>&amp;Udskriv gendannelsesnøglen…</translation>
    </message>
    <message>
        <source>I have &amp;printed or written down the key and keep it safe</source>
        <translation>&amp;Jeg har udskrevet eller skrevet nøglen ned og opbevarer den sikkert</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Fortsæt</translation>
    </message>
    <message>
        <source>Keep the recovery key safe</source>
        <translation>Opbevar gendannelsesnøglen sikkert</translation>
    </message>
    <message>
        <source>The data are encrypted on this computer. This recovery key opens them, and every backup, if every password is forgotten. It is shown only now: print it or write it down, and keep it locked away from the computer. Do not save it on the computer.</source>
        <translation>Data er krypteret på denne computer. Gendannelsesnøglen åbner dem, og alle sikkerhedskopier, hvis alle adgangskoder er glemt. Den vises kun nu: udskriv den eller skriv den ned, og opbevar den aflåst væk fra computeren. Gem den ikke på computeren.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Move a session</source>
        <translation>Flyt en session</translation>
    </message>
    <message>
        <source>New &amp;date:</source>
        <translation>Ny &amp;dato:</translation>
    </message>
    <message>
        <source>New &amp;time:</source>
        <translation>Nyt &amp;tidspunkt:</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>New password for %1</source>
        <translation>Ny adgangskode til %1</translation>
    </message>
    <message>
        <source>Give the new password to the user in person; they can change it under File ▸ Change password.</source>
        <translation>Giv brugeren den nye adgangskode personligt; brugeren kan skifte den under Filer ▸ Skift adgangskode.</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Mindst %1 tegn</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Ny adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Gentag:</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <source>Retention</source>
        <translation>Opbevaring</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>&amp;Keep a client&apos;s data for:</source>
        <translation>&amp;Gem en klients data i:</translation>
    </message>
    <message>
        <source>Whole years after the client&apos;s last course ended. Danish health records are kept at least ten years after the last entry. Once the period has run, an administrator may erase the client (Client ▸ Erase the client…); while a course is planned or active, never.</source>
        <translation>Hele år efter, at klientens sidste forløb sluttede. Journaloplysninger gemmes mindst ti år efter den sidste optegnelse. Når perioden er gået, kan en administrator slette klienten (Klient ▸ Slet klienten…); aldrig mens et forløb er planlagt eller aktivt.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Measures</source>
        <translation>Målinger</translation>
    </message>
    <message>
        <source>a demo quote written for Traumefokus</source>
        <translation>et demo-citat skrevet til Traumefokus</translation>
    </message>
</context>
<context>
    <name>RunnerFooter</name>
    <message>
        <source>← Previous (Ctrl+PgUp)</source>
        <translation>← Forrige (Ctrl+PgUp)</translation>
    </message>
    <message>
        <source>Next → (Ctrl+PgDn)</source>
        <translation>Næste → (Ctrl+PgDn)</translation>
    </message>
    <message>
        <source>Show to client (F5)</source>
        <translation>Vis for klienten (F5)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Udskriv</translation>
    </message>
    <message>
        <source>&amp;Handout for the client…</source>
        <translation>&amp;Arbejdsark til klienten…</translation>
    </message>
    <message>
        <source>Session &amp;note…</source>
        <translation>Sessions&amp;note…</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Gem (Ctrl+S)</translation>
    </message>
    <message>
        <source>Finish and sign… (Ctrl+Enter)</source>
        <translation>Afslut og underskriv… (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>ServerPasswordDialog</name>
    <message>
        <source>Database server</source>
        <translation>Databaseserver</translation>
    </message>
    <message>
        <source>&amp;Remember it in this computer&apos;s credential store</source>
        <translation>&amp;Husk den i computerens nøglering</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>The database server wants a password</source>
        <translation>Databaseserveren vil have en adgangskode</translation>
    </message>
    <message>
        <source>The shared database %1 asks for its password (from your IT department). It is not saved in a file; remembered, it is kept in the system&apos;s credential store for your user only.</source>
        <translation>Den fælles database %1 beder om sin adgangskode (fra jeres IT-afdeling). Den gemmes ikke i en fil; huskes den, ligger den i systemets nøglering, kun for din bruger.</translation>
    </message>
</context>
<context>
    <name>SessionRunner</name>
    <message>
        <source>← Back (Ctrl+W)</source>
        <translation>← Tilbage (Ctrl+W)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Udskriv</translation>
    </message>
    <message>
        <source>Traumefokus was not closed properly last time. Your draft of this session has been reopened; nothing was lost.</source>
        <translation>Traumefokus blev ikke lukket rigtigt sidste gang. Din kladde til denne session er genåbnet; intet er gået tabt.</translation>
    </message>
    <message>
        <source>Writing up the note of a session planned for %1: the session clock is not running.</source>
        <translation>Du skriver notatet til en session planlagt til %1: sessionens ur kører ikke.</translation>
    </message>
    <message>
        <source>The theme texts are demo content, not the manual.</source>
        <translation>Temaets tekster er demoindhold, ikke manualen.</translation>
    </message>
    <message>
        <source>Read only: the note is signed; corrections are added as dated addenda.</source>
        <translation>Kun læseadgang: notatet er underskrevet; rettelser tilføjes som daterede tillæg.</translation>
    </message>
    <message>
        <source>Read only: this note belongs to another therapist&apos;s course.</source>
        <translation>Kun læseadgang: notatet hører til en anden behandlers forløb.</translation>
    </message>
    <message>
        <source>Read only: as %1 you read notes, but do not write them.</source>
        <translation>Kun læseadgang: som %1 læser du notater, men skriver dem ikke.</translation>
    </message>
    <message>
        <source>Read only: opened to look at. The session is planned for %1.</source>
        <translation>Kun læseadgang: åbnet for at se. Sessionen er planlagt til %1.</translation>
    </message>
    <message>
        <source>⚠ Safety flag (%1, %2): %3</source>
        <translation>⚠ Sikkerhedsflag (%1, %2): %3</translation>
    </message>
    <message>
        <source>The latest text is not saved yet (%1), so the paper would show an older version. The text is kept here; Ctrl+S tries again.</source>
        <translation>Den seneste tekst er ikke gemt endnu (%1), så papiret ville vise en ældre udgave. Teksten er her stadig; Ctrl+S prøver igen.</translation>
    </message>
    <message>
        <source>the disk is slow</source>
        <translation>disken er langsom</translation>
    </message>
    <message>
        <source>Safety flag</source>
        <translation>Sikkerhedsflag</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ind&amp;stillinger…</translation>
    </message>
    <message>
        <source>Locked by your IT department</source>
        <translation>Låst af din IT-afdeling</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Restore &amp;defaults</source>
        <translation>Gendan &amp;standard</translation>
    </message>
    <message>
        <source>Only an administrator can change these settings.</source>
        <translation>Kun en administrator kan ændre disse indstillinger.</translation>
    </message>
    <message>
        <source>Locked by your IT department</source>
        <translation>Låst af din IT-afdeling</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Move the rest of the plan</source>
        <translation>Ryk resten af planen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <source>Move this and every later session by:</source>
        <translation>Flyt denne og alle senere sessioner:</translation>
    </message>
    <message>
        <source>e.g. a missed week</source>
        <translation>fx en uge, der faldt ud</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign the note</source>
        <translation>Underskriv notatet</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Underskriv</translation>
    </message>
    <message>
        <source>Once signed, the note cannot change; corrections are added as dated addenda.</source>
        <translation>Når notatet er underskrevet, kan det ikke ændres; rettelser tilføjes som daterede tillæg.</translation>
    </message>
    <message>
        <source>The session was:</source>
        <translation>Sessionen blev:</translation>
    </message>
    <message>
        <source>&amp;Why it was not held:</source>
        <translation>&amp;Hvorfor den ikke blev holdt:</translation>
    </message>
    <message>
        <source>&amp;Held by:</source>
        <translation>&amp;Holdt af:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>⚠ The session&apos;s date is %1, not today. Check that it is the day the session was held.</source>
        <translation>⚠ Sessionens dato er %1, ikke i dag. Tjek, at det er dagen, sessionen blev afholdt.</translation>
    </message>
    <message>
        <source>⚠ The note holds something that looks like a CPR number (%1). Traumefokus keeps no CPR numbers: remove it before signing unless it must be there.</source>
        <translation>⚠ Notatet indeholder noget, der ligner et CPR-nummer (%1). Traumefokus gemmer ikke CPR-numre: fjern det, før du underskriver, medmindre det skal stå der.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Traumefokus</source>
        <translation>Log ind i Traumefokus</translation>
    </message>
    <message>
        <source>You have no password yet. Choose one of at least %1 characters, and type it twice.</source>
        <translation>Du har endnu ingen adgangskode. Vælg en på mindst %1 tegn, og skriv den to gange.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Gentag:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Log ind</translation>
    </message>
    <message>
        <source>Save the password and sign in</source>
        <translation>Gem adgangskoden, og log ind</translation>
    </message>
</context>
<context>
    <name>SignedPanel</name>
    <message>
        <source>Add an &amp;addendum…</source>
        <translation>Tilføj et &amp;tillæg…</translation>
    </message>
    <message>
        <source>Signed %1 by %2 · %3</source>
        <translation>Underskrevet %1 af %2 · %3</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <source>Site</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>&amp;The centre&apos;s site:</source>
        <translation>&amp;Centrets sted:</translation>
    </message>
    <message>
        <source>A new client gets this site unless another is chosen. Empty: none.</source>
        <translation>En ny klient får dette sted, medmindre et andet vælges. Tom: ingen.</translation>
    </message>
</context>
<context>
    <name>SupervisionPage</name>
    <message>
        <source>All sites</source>
        <translation>Alle steder</translation>
    </message>
    <message>
        <source>All therapists</source>
        <translation>Alle behandlere</translation>
    </message>
    <message>
        <source>&amp;Print report…</source>
        <translation>&amp;Udskriv rapport…</translation>
    </message>
    <message>
        <source>Save as spreadsheet…</source>
        <translation>Gem som regneark…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>&amp;Site:</source>
        <translation>&amp;Sted:</translation>
    </message>
    <message>
        <source>T&amp;herapists:</source>
        <translation>&amp;Behandlere:</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Nøgletal</translation>
    </message>
    <message>
        <source>Courses by outcome</source>
        <translation>Forløb efter udfald</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>Attendance per therapist</source>
        <translation>Fremmøde pr. behandler</translation>
    </message>
    <message>
        <source>Therapists</source>
        <translation>Behandlere</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Temaer</translation>
    </message>
    <message>
        <source>Minutes per agenda point: the box holds the middle half of the sessions, the dark bar is the median, the triangle the target, the red line the maximum.</source>
        <translation>Minutter pr. dagsordenspunkt: kassen rummer den midterste halvdel af sessionerne, den mørke streg er medianen, trekanten målet og den røde streg det højeste.</translation>
    </message>
    <message>
        <source>Agenda time</source>
        <translation>Tid pr. punkt</translation>
    </message>
    <message>
        <source>Record items</source>
        <translation>Journalpunkter</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Tæller op…</translation>
    </message>
    <message>
        <source>Attendance %1: sessions held out of those held, missed or cancelled by the client (cancelled by the centre left out). Courses by the dates they started and ended, sessions by the day they were recorded.</source>
        <translation>Fremmøde %1: afholdte sessioner ud af de afholdte, udeblevne og dem, klienten aflyste (centrets aflysninger tæller ikke). Forløb efter de datoer, de startede og sluttede, sessioner efter den dag, de blev registreret.</translation>
    </message>
    <message>
        <source>Supervision report</source>
        <translation>Supervisionsrapport</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gemt som %1</translation>
    </message>
    <message>
        <source>supervision-report</source>
        <translation>supervisionsrapport</translation>
    </message>
    <message>
        <source>Save as spreadsheet</source>
        <translation>Gem som regneark</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx)</source>
        <translation>Regneark (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>SupervisionPanel</name>
    <message>
        <source>Co-si&amp;gn the note…</source>
        <translation>Med&amp;underskriv notatet…</translation>
    </message>
    <message>
        <source>Co-signed %1 by %2</source>
        <translation>Medunderskrevet %1 af %2</translation>
    </message>
    <message>
        <source>Comments from supervision: %1, %2 unread</source>
        <translation>Kommentarer fra supervision: %1, heraf %2 ulæste</translation>
    </message>
    <message>
        <source>Comments from supervision: %1</source>
        <translation>Kommentarer fra supervision: %1</translation>
    </message>
    <message>
        <source>Hide comments</source>
        <translation>Skjul kommentarer</translation>
    </message>
    <message>
        <source>Show comments</source>
        <translation>Vis kommentarer</translation>
    </message>
    <message>
        <source>on the course</source>
        <translation>om forløbet</translation>
    </message>
    <message>
        <source>on this session</source>
        <translation>om denne session</translation>
    </message>
</context>
<context>
    <name>SwapDialog</name>
    <message>
        <source>Swap two themes</source>
        <translation>Byt to temaer</translation>
    </message>
    <message>
        <source>&amp;Swap with:</source>
        <translation>&amp;Byt med:</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Who works with this course</source>
        <translation>Hvem arbejder med forløbet</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Fjern</translation>
    </message>
    <message>
        <source>&amp;Name co-therapist</source>
        <translation>&amp;Udpeg medbehandler</translation>
    </message>
    <message>
        <source>&amp;Give the course</source>
        <translation>&amp;Giv forløbet</translation>
    </message>
    <message>
        <source>Optional: why, in a few words</source>
        <translation>Valgfrit: hvorfor, med få ord</translation>
    </message>
    <message>
        <source>Therapist:</source>
        <translation>Behandler:</translation>
    </message>
    <message>
        <source>Co-therapists:</source>
        <translation>Medbehandlere:</translation>
    </message>
    <message>
        <source>&amp;Colleague:</source>
        <translation>&amp;Kollega:</translation>
    </message>
    <message>
        <source>Give to &amp;therapist:</source>
        <translation>Giv til &amp;behandler:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begrundelse:</translation>
    </message>
    <message>
        <source>A co-therapist covers for the therapist: they see the client, plan and run the sessions and sign notes until the cover is withdrawn.</source>
        <translation>En medbehandler dækker for behandleren: medbehandleren ser klienten, planlægger og holder sessionerne og underskriver notater, indtil det fjernes igen.</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1 (siden %2)</translation>
    </message>
</context>
<context>
    <name>ThemeChooser</name>
    <message>
        <source>Choose the themes</source>
        <translation>Vælg temaerne</translation>
    </message>
    <message>
        <source>Save the themes</source>
        <translation>Gem temaerne</translation>
    </message>
    <message>
        <source>Choose %1 themes together with the client</source>
        <translation>Vælg %1 temaer sammen med klienten</translation>
    </message>
    <message>
        <source>The order on the right becomes the order of the sessions. Enter or → chooses, Delete or ← takes back, Ctrl+↑/↓ moves; you can also drag with the mouse.</source>
        <translation>Rækkefølgen til højre bliver sessionernes rækkefølge. Enter eller → vælger, Delete eller ← fortryder, Ctrl+↑/↓ flytter; du kan også trække med musen.</translation>
    </message>
    <message>
        <source>Themes offered</source>
        <translation>Temaer, der tilbydes</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>droppet</translation>
    </message>
    <message>
        <source>open</source>
        <translation>åbent</translation>
    </message>
    <message>
        <source>%1   (%2 worksheets)</source>
        <translation>%1   (%2 arbejdsark)</translation>
    </message>
    <message>
        <source>Chosen: %1 of %2</source>
        <translation>Valgt: %1 af %2</translation>
    </message>
    <message>
        <source>Chosen together with the client</source>
        <translation>Valgt sammen med klienten</translation>
    </message>
</context>
<context>
    <name>ThemePage</name>
    <message>
        <source>Guidance for the therapist</source>
        <translation>Vejledning til behandleren</translation>
    </message>
    <message>
        <source>The client&apos;s text</source>
        <translation>Klientens tekst</translation>
    </message>
    <message>
        <source>Introduction for the therapist</source>
        <translation>Introduktion til behandleren</translation>
    </message>
    <message>
        <source>Worksheets</source>
        <translation>Arbejdsark</translation>
    </message>
    <message>
        <source>working title</source>
        <translation>arbejdstitel</translation>
    </message>
    <message>
        <source>demo content</source>
        <translation>demoindhold</translation>
    </message>
    <message>
        <source>This theme is a title in the catalogue only: the pack has no content for it.</source>
        <translation>Dette tema er kun en titel i kataloget: pakken har intet indhold til det.</translation>
    </message>
    <message>
        <source>a demo quote written for Traumefokus</source>
        <translation>et demo-citat skrevet til Traumefokus</translation>
    </message>
    <message>
        <source>Suggested commitments</source>
        <translation>Forslag til forpligtelser</translation>
    </message>
    <message>
        <source>Worked on</source>
        <translation>Arbejdet med</translation>
    </message>
    <message>
        <source>Worksheet</source>
        <translation>Arbejdsark</translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>Udleveret</translation>
    </message>
    <message>
        <source>Note on this worksheet</source>
        <translation>Notat til dette arbejdsark</translation>
    </message>
    <message>
        <source>Show the client&apos;s text (F5)</source>
        <translation>Vis klientens tekst (F5)</translation>
    </message>
    <message>
        <source>Let the client choose; typically one or two worksheets. Space ticks, Tab moves.</source>
        <translation>Lad klienten vælge; typisk et eller to arbejdsark. Mellemrum sætter flueben, Tab flytter.</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Therapist</source>
        <translation>Behandler</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>A supervisor has commented on this session or its course: open the session to read the comment and mark it read.</source>
        <translation>En supervisor har kommenteret denne session eller forløbet: åbn sessionen for at læse kommentaren og markere den som læst.</translation>
    </message>
    <message>
        <source>Overdue: not signed</source>
        <translation>Forsinket: ikke underskrevet</translation>
    </message>
    <message>
        <source>The note of this session from %1 is not signed yet: finish and sign it.</source>
        <translation>Noten til denne session fra %1 er ikke underskrevet endnu: gør den færdig og underskriv den.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Open the session</source>
        <translation>Åbn sessionen</translation>
    </message>
    <message>
        <source>Today&apos;s sessions</source>
        <translation>Dagens sessioner</translation>
    </message>
    <message>
        <source>Notes from earlier days not signed yet: %1. They are at the top of the list.</source>
        <translation>Noter fra tidligere dage, der ikke er underskrevet endnu: %1. De står øverst i listen.</translation>
    </message>
    <message>
        <source>Choose a session in the list first.</source>
        <translation>Vælg først en session i listen.</translation>
    </message>
    <message>
        <source>No sessions planned for today and no notes waiting. Your clients and their courses are under Clients.</source>
        <translation>Ingen sessioner planlagt i dag og ingen noter, der venter. Dine klienter og deres forløb står under Klienter.</translation>
    </message>
    <message>
        <source>No sessions are planned at the centre today.</source>
        <translation>Der er ingen sessioner planlagt i centret i dag.</translation>
    </message>
    <message>
        <source>As a supervisor you read every course: open a session here to read its note, or find a client under Clients to see their courses and plan history. The therapists run and sign the sessions.</source>
        <translation>Som supervisor læser du alle forløb: åbn en session her for at læse dens note, eller find en klient under Klienter for at se forløb og planhistorik. Behandlerne holder og underskriver sessionerne.</translation>
    </message>
    <message>
        <source>As an administrator you add clients and start their courses under Clients, and manage users under Administration ▸ Users. The therapists run and sign the sessions; you can open them here to read them.</source>
        <translation>Som administrator opretter du klienter og starter deres forløb under Klienter og styrer brugere under Administration ▸ Brugere. Behandlerne holder og underskriver sessionerne; her kan du åbne dem og læse dem.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>Sign in as someone else…</source>
        <translation>Log ind som en anden…</translation>
    </message>
    <message>
        <source>Traumefokus is locked</source>
        <translation>Traumefokus er låst</translation>
    </message>
    <message>
        <source>Signed in: %1. Your password unlocks it, with everything as you left it.</source>
        <translation>Logget ind: %1. Din adgangskode låser op, og alt er, som du forlod det.</translation>
    </message>
    <message>
        <source>That is not the password. Try again.</source>
        <translation>Det er ikke adgangskoden. Prøv igen.</translation>
    </message>
</context>
<context>
    <name>UnreadComments</name>
    <message>
        <source>%1, the course</source>
        <translation>%1, forløbet</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>og %1 mere</translation>
    </message>
    <message>
        <source>✉ Unread comments from supervision: %1 – %2. Open the session, or the course&apos;s Comments tab under Clients, to read them.</source>
        <translation>✉ Ulæste kommentarer fra supervision: %1 – %2. Åbn sessionen eller fanen Kommentarer på forløbet under Klienter for at læse dem.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>Redigér bruger</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Ny bruger</translation>
    </message>
    <message>
        <source>e.g. mette.h</source>
        <translation>fx mette.h</translation>
    </message>
    <message>
        <source>e.g. Mette Hansen</source>
        <translation>fx Mette Hansen</translation>
    </message>
    <message>
        <source>Optional, e.g. social worker</source>
        <translation>Valgfrit, fx socialrådgiver</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Fulde navn:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>The full name and title are printed on notes and letters.</source>
        <translation>Det fulde navn og titlen står på notater og breve.</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Mindst %1 tegn</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Adgangskode:</translation>
    </message>
    <message>
        <source>R&amp;epeat:</source>
        <translation>&amp;Gentag:</translation>
    </message>
    <message>
        <source>May sign in (clear to deactivate)</source>
        <translation>Må logge ind (fjern fluebenet for at deaktivere)</translation>
    </message>
    <message>
        <source>&amp;Active:</source>
        <translation>A&amp;ktiv:</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Brugere</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fulde navn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Tilføj bruger…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Redigér…</translation>
    </message>
    <message>
        <source>New &amp;password…</source>
        <translation>Ny &amp;adgangskode…</translation>
    </message>
    <message>
        <source>Users are never deleted, so that their notes and plan changes keep their name: clear Active to stop someone signing in.</source>
        <translation>Brugere slettes aldrig, så deres notater og planændringer beholder navnet: fjern Aktiv for at forhindre, at en bruger logger ind.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>The new password is saved.</source>
        <translation>Den nye adgangskode er gemt.</translation>
    </message>
</context>
</TS>
