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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
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
</TS>
