<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
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
        <source>No course</source>
        <translation>Intet forløb</translation>
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
        <source>Sessions held</source>
        <translation>Afholdte sessioner</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
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
    <name>FirstUserDialog</name>
    <message>
        <source>Welcome to Traumefokus</source>
        <translation>Velkommen til Traumefokus</translation>
    </message>
    <message>
        <source>e.g. mette.h</source>
        <translation>f.eks. mette.h</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Brugernavn:</translation>
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
    <name>Labels</name>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktivt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Gennemført</translation>
    </message>
    <message>
        <source>Ended early</source>
        <translation>Afsluttet før tid</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>therapist</source>
        <translation>behandler</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>koder</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Afdækning</translation>
    </message>
    <message>
        <source>MOVE</source>
        <translation>MOVE</translation>
    </message>
    <message>
        <source>Trauma-focused</source>
        <translation>Traumefokuseret</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
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
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
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
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;About Traumefokus</source>
        <translation>&amp;Om Traumefokus</translation>
    </message>
    <message>
        <source>Search by client code</source>
        <translation>Søg på klientkode</translation>
    </message>
    <message>
        <source>No clients yet</source>
        <translation>Ingen klienter endnu</translation>
    </message>
    <message>
        <source>Clients and their courses will be listed here, with the next session of each.</source>
        <translation>Klienter og deres forløb vises her, med den næste session for hver.</translation>
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
        <source>Courses</source>
        <translation>Forløb</translation>
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
        <source>About Traumefokus</source>
        <translation>Om Traumefokus</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Traumefokus %1&lt;/h3&gt;&lt;p&gt;Guides trauma-focused Seeking Safety and Creating Change sessions inside a MOVE course.&lt;/p&gt;&lt;p&gt;Traumefokus contains no text from the Seeking Safety or Creating Change manuals; a centre loads its own licensed material.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Traumefokus %1&lt;/h3&gt;&lt;p&gt;Guider traumefokuserede Seeking Safety- og Creating Change-sessioner i et MOVE-forløb.&lt;/p&gt;&lt;p&gt;Traumefokus indeholder ingen tekst fra Seeking Safety- eller Creating Change-manualerne; et center indlæser selv sit licenserede materiale.&lt;/p&gt;</translation>
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
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Traumefokus</source>
        <translation>Log ind i Traumefokus</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Log ind</translation>
    </message>
    <message>
        <source>Who is working?</source>
        <translation>Hvem arbejder?</translation>
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
</context>
</TS>
