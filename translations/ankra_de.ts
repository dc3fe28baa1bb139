<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>Ankra::Api</name>
    <message>
        <source>The server sent no response.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection to the server failed (certificate or TLS problem).</source>
        <translation>Die sichere Verbindung zum Server ist fehlgeschlagen (Zertifikats- oder TLS-Problem).</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your connection.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung.</translation>
    </message>
    <message>
        <source>The API token was refused. Sign in again with a valid token.</source>
        <translation>Das API-Token wurde abgelehnt. Melden Sie sich mit einem gültigen Token erneut an.</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>Dazu sind Sie nicht berechtigt.</translation>
    </message>
    <message>
        <source>Not found. It may have been removed, or belong to another organisation.</source>
        <translation>Nicht gefunden. Es wurde vielleicht entfernt oder gehört zu einer anderen Organisation.</translation>
    </message>
    <message>
        <source>The request conflicts with the ticket&apos;s current state.</source>
        <translation>Die Anfrage passt nicht zum aktuellen Zustand des Tickets.</translation>
    </message>
    <message>
        <source>The file is too large.</source>
        <translation>Die Datei ist zu groß.</translation>
    </message>
    <message>
        <source>This type of file is not accepted.</source>
        <translation>Dieser Dateityp wird nicht angenommen.</translation>
    </message>
    <message>
        <source>The server refused the request as invalid.</source>
        <translation>Der Server hat die Anfrage als ungültig abgelehnt.</translation>
    </message>
    <message>
        <source>The server had a problem (HTTP %1). Try again later.</source>
        <translation>Der Server hatte ein Problem (HTTP %1). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>Unexpected answer from the server (HTTP %1).</source>
        <translation>Unerwartete Antwort vom Server (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>Ankra::Api::ApiClient</name>
    <message>
        <source>The server cannot be reached. Check the network connection.</source>
        <translation>Der Server ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung.</translation>
    </message>
</context>
<context>
    <name>Ankra::Api::ApiError</name>
    <message numerus="yes">
        <source>Too many requests. Try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele Anfragen. Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele Anfragen. Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Api::ApiJob</name>
    <message>
        <source>The request could not be sent.</source>
        <translation>Die Anfrage konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>Ankra::Api::DownloadJob</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the file could not be moved into place</source>
        <translation>die Datei konnte nicht an ihren Platz verschoben werden</translation>
    </message>
</context>
<context>
    <name>Ankra::Api::UploadJob</name>
    <message>
        <source>The file %1 could not be read: %2</source>
        <translation>Die Datei %1 konnte nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Ankra::Models</name>
    <message>
        <source>%1: this type of file is not accepted. Attach logs, manifests, diffs, screenshots, PDFs or archives (%2).</source>
        <translation>%1: Dieser Dateityp wird nicht angenommen. Hängen Sie Logs, Manifeste, Diffs, Screenshots, PDFs oder Archive an (%2).</translation>
    </message>
    <message>
        <source>%1 is %2; files may be at most %3.</source>
        <translation>%1 ist %2 groß; Dateien dürfen höchstens %3 groß sein.</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
</context>
<context>
    <name>Ankra::Models::AttachmentListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
</context>
<context>
    <name>Ankra::Models::Attachments</name>
    <message numerus="yes">
        <source>%1: this ticket already has the most attachments allowed (%n).</source>
        <translation>
            <numerusform>%1: Dieses Ticket hat bereits die höchstens erlaubte Zahl an Anhängen (%n).</numerusform>
            <numerusform>%1: Dieses Ticket hat bereits die höchstens erlaubte Zahl an Anhängen (%n).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Models::CannedReplyStore</name>
    <message>
        <source>The canned replies could not be read: %1</source>
        <translation>Die Textbausteine konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The canned replies file %1 is damaged.</source>
        <translation>Die Textbaustein-Datei %1 ist beschädigt.</translation>
    </message>
    <message>
        <source>The canned replies could not be saved: %1</source>
        <translation>Die Textbausteine konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>A canned reply needs a title.</source>
        <translation>Ein Textbaustein braucht einen Titel.</translation>
    </message>
    <message>
        <source>A canned reply needs some text.</source>
        <translation>Ein Textbaustein braucht einen Text.</translation>
    </message>
</context>
<context>
    <name>Ankra::Models::ConversationModel</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Ankra team</source>
        <translation>Ankra-Team</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>Ankra::Models::NotificationBatcher</name>
    <message numerus="yes">
        <source>%n new ticket(s)</source>
        <translation>
            <numerusform>%n neues Ticket</numerusform>
            <numerusform>%n neue Tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer reply(s)</source>
        <translation>
            <numerusform>%n Kundenantwort</numerusform>
            <numerusform>%n Kundenantworten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) from the Ankra team</source>
        <translation>
            <numerusform>%n Antwort vom Ankra-Team</numerusform>
            <numerusform>%n Antworten vom Ankra-Team</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status change(s)</source>
        <translation>
            <numerusform>%n Statusänderung</numerusform>
            <numerusform>%n Statusänderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Ankra::Models::QueueModel</name>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
</context>
<context>
    <name>Ankra::Models::QueueView</name>
    <message>
        <source>Needs triage</source>
        <translation>Zu sichten</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Mir zugewiesen</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>Wartet auf Kunden</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
</context>
<context>
    <name>Ankra::Models::TicketController</name>
    <message>
        <source>%1 is not a readable file.</source>
        <translation>%1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>This ticket is closed: nothing can be attached any more.</source>
        <translation>Dieses Ticket ist geschlossen: Es kann nichts mehr angehängt werden.</translation>
    </message>
</context>
<context>
    <name>Ankra::Models::TicketListModel</name>
    <message>
        <source>#</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Dringlichkeit</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Ticket number</source>
        <translation>Ticketnummer</translation>
    </message>
</context>
<context>
    <name>Ankra::Review::SubmissionFlow</name>
    <message>
        <source>Enter a subject.</source>
        <translation>Geben Sie einen Betreff ein.</translation>
    </message>
    <message numerus="yes">
        <source>The subject is longer than %n characters.</source>
        <translation>
            <numerusform>Der Betreff ist länger als %n Zeichen.</numerusform>
            <numerusform>Der Betreff ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Describe the problem.</source>
        <translation>Beschreiben Sie das Problem.</translation>
    </message>
    <message numerus="yes">
        <source>The description is longer than %n characters.</source>
        <translation>
            <numerusform>Die Beschreibung ist länger als %n Zeichen.</numerusform>
            <numerusform>Die Beschreibung ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is already attached.</source>
        <translation>%1 ist bereits angehängt.</translation>
    </message>
</context>
<context>
    <name>Ankra::Secrets</name>
    <message>
        <source>No token is stored in the keychain for this account.</source>
        <translation>Für dieses Konto ist kein Token im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>The token could not be removed from the keychain.</source>
        <translation>Das Token konnte nicht aus dem Schlüsselbund entfernt werden.</translation>
    </message>
    <message>
        <source>The keychain refused access (it may be locked). Unlock it and try again, or use a token for this session only.</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert (er ist vielleicht gesperrt). Entsperren Sie ihn und versuchen Sie es erneut, oder verwenden Sie ein Token nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>No keychain is available (no Secret Service such as GNOME Keyring or KWallet is running). You can use a token for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar (es läuft kein Secret Service wie GNOME Keyring oder KWallet). Sie können ein Token nur für diese Sitzung verwenden.</translation>
    </message>
    <message>
        <source>The keychain cannot be reached (%1). You can use a token for this session only.</source>
        <translation>Der Schlüsselbund ist nicht erreichbar (%1). Sie können ein Token nur für diese Sitzung verwenden.</translation>
    </message>
    <message>
        <source>The keychain reported an error: %1</source>
        <translation>Der Schlüsselbund meldet einen Fehler: %1</translation>
    </message>
    <message>
        <source>The keychain did not answer in time. You can use a token for this session only.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet. Sie können ein Token nur für diese Sitzung verwenden.</translation>
    </message>
</context>
<context>
    <name>Ankra::Secrets::MemorySecretStore</name>
    <message>
        <source>The test keychain is set to fail.</source>
        <translation>Der Test-Schlüsselbund ist auf Fehlschlag eingestellt.</translation>
    </message>
    <message>
        <source>No token is stored.</source>
        <translation>Es ist kein Token gespeichert.</translation>
    </message>
</context>
<context>
    <name>Ankra::Store</name>
    <message>
        <source>Waiting (next try %1)</source>
        <translation>Wartet (nächster Versuch %1)</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed: needs your decision</source>
        <translation>Fehlgeschlagen: Ihre Entscheidung ist nötig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Neues Ticket</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <source>Close ticket</source>
        <translation>Ticket schließen</translation>
    </message>
</context>
<context>
    <name>Ankra::Store::DraftListModel</name>
    <message>
        <source>Reply to “%1”: %2</source>
        <translation>Antwort auf „%1“: %2</translation>
    </message>
    <message>
        <source>New ticket (no subject)</source>
        <translation>Neues Ticket (ohne Betreff)</translation>
    </message>
</context>
<context>
    <name>Ankra::Store::DraftStore</name>
    <message>
        <source>The drafts folder %1 cannot be created.</source>
        <translation>Der Entwurfsordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The drafts database cannot be opened: %1</source>
        <translation>Die Entwurfsdatenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Drafts database error: %1</source>
        <translation>Fehler in der Entwurfsdatenbank: %1</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Der Entwurf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The draft could not be removed: %1</source>
        <translation>Der Entwurf konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>The draft has no valid id.</source>
        <translation>Der Entwurf hat keine gültige ID.</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 could not be saved with the draft.</source>
        <translation>%1 konnte nicht mit dem Entwurf gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>Ankra::Store::Outbox</name>
    <message>
        <source>The outbox folder %1 cannot be created.</source>
        <translation>Der Postausgangsordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The outbox cannot be opened: %1</source>
        <translation>Der Postausgang kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 cannot be copied into the outbox: %2</source>
        <translation>%1 kann nicht in den Postausgang kopiert werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be copied into the outbox.</source>
        <translation>%1 kann nicht in den Postausgang kopiert werden.</translation>
    </message>
    <message>
        <source>The outbox cannot be written: %1</source>
        <translation>Der Postausgang kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>Ankra::Store::OutboxModel</name>
    <message>
        <source>New ticket: %1</source>
        <translation>Neues Ticket: %1</translation>
    </message>
    <message>
        <source>Reply: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>Attachment: %1 (%2)</source>
        <translation>Anhang: %1 (%2)</translation>
    </message>
    <message>
        <source>Close the ticket</source>
        <translation>Das Ticket schließen</translation>
    </message>
    <message>
        <source>(this new ticket)</source>
        <translation>(dieses neue Ticket)</translation>
    </message>
    <message>
        <source>(a new ticket, not sent yet)</source>
        <translation>(ein neues Ticket, noch nicht gesendet)</translation>
    </message>
    <message>
        <source>%1 (not sent yet)</source>
        <translation>%1 (noch nicht gesendet)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>Ankra::Store::OutboxSender</name>
    <message>
        <source>The ticket this belongs to was not sent.</source>
        <translation>Das zugehörige Ticket wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>%1 (server: %2)</source>
        <translation>%1 (Server: %2)</translation>
    </message>
    <message>
        <source>The server&apos;s review flagged this ticket (%1). Check it, then choose “Send anyway” or edit it.</source>
        <translation>Die Prüfung des Servers hat dieses Ticket beanstandet (%1). Prüfen Sie es und wählen Sie dann „Trotzdem senden“ oder bearbeiten Sie es.</translation>
    </message>
    <message>
        <source>The ticket changed meanwhile (%1). Your reply is kept here: edit it and retry, or cancel it.</source>
        <translation>Das Ticket hat sich inzwischen geändert (%1). Ihre Antwort bleibt hier: Bearbeiten Sie sie und versuchen Sie es erneut, oder brechen Sie sie ab.</translation>
    </message>
    <message>
        <source>The attachment was refused because the ticket changed meanwhile (%1). The file is kept here: retry or cancel it.</source>
        <translation>Der Anhang wurde abgelehnt, weil sich das Ticket inzwischen geändert hat (%1). Die Datei bleibt hier: Versuchen Sie es erneut oder brechen Sie ab.</translation>
    </message>
    <message>
        <source>The ticket could not be closed (%1).</source>
        <translation>Das Ticket konnte nicht geschlossen werden (%1).</translation>
    </message>
</context>
<context>
    <name>Ankra::Store::OutboxTicketsModel</name>
    <message>
        <source>Not sent: see Outbox</source>
        <translation>Nicht gesendet: siehe Postausgang</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Not yet sent</source>
        <translation>Noch nicht gesendet</translation>
    </message>
    <message>
        <source>Created while offline: it is sent when the server is reachable.</source>
        <translation>Offline erstellt: Es wird gesendet, sobald der Server erreichbar ist.</translation>
    </message>
</context>
<context>
    <name>Ankra::Store::TicketCache</name>
    <message>
        <source>The cache folder %1 cannot be created.</source>
        <translation>Der Cache-Ordner %1 kann nicht angelegt werden.</translation>
    </message>
</context>
<context>
    <name>Ankra::Triage</name>
    <message>
        <source>What exactly happens, since when, and what have you already tried?</source>
        <translation>Was genau passiert, seit wann, und was haben Sie schon versucht?</translation>
    </message>
    <message>
        <source>What would you like to be able to do, and what problem would it solve?</source>
        <translation>Was möchten Sie tun können, und welches Problem würde das lösen?</translation>
    </message>
    <message>
        <source>Which invoice or charge is this about, and what is wrong with it?</source>
        <translation>Um welche Rechnung oder Abbuchung geht es, und was stimmt daran nicht?</translation>
    </message>
    <message>
        <source>Which account or user is affected, and what happens when you try to sign in or make the change?</source>
        <translation>Welches Konto oder welcher Benutzer ist betroffen, und was passiert, wenn Sie sich anmelden oder die Änderung vornehmen?</translation>
    </message>
    <message>
        <source>What would you like to know, or what should we do for you?</source>
        <translation>Was möchten Sie wissen, oder was sollen wir für Sie tun?</translation>
    </message>
    <message>
        <source>What is the exact error message or log excerpt (e.g. from kubectl describe pod or the pod logs)?</source>
        <translation>Wie lautet die genaue Fehlermeldung oder der Log-Auszug (z. B. aus kubectl describe pod oder den Pod-Logs)?</translation>
    </message>
    <message>
        <source>What exact error message or log output do you see, if any (e.g. in the browser console or the CLI output)?</source>
        <translation>Welche genaue Fehlermeldung oder Log-Ausgabe sehen Sie, falls überhaupt (z. B. in der Browserkonsole oder der CLI-Ausgabe)?</translation>
    </message>
    <message>
        <source>What did you expect to happen, and what happened instead?</source>
        <translation>Was haben Sie erwartet, und was ist stattdessen passiert?</translation>
    </message>
    <message>
        <source>Which cluster is affected?</source>
        <translation>Welcher Cluster ist betroffen?</translation>
    </message>
    <message>
        <source>Which Helm and chart versions are involved (see helm version and helm list)?</source>
        <translation>Welche Helm- und Chart-Versionen sind beteiligt (siehe helm version und helm list)?</translation>
    </message>
    <message>
        <source>Which Ankra agent or CLI version are you running?</source>
        <translation>Welche Version des Ankra-Agenten oder der CLI verwenden Sie?</translation>
    </message>
    <message>
        <source>Which Kubernetes version are you running (and upgrading to, if this is about an upgrade)?</source>
        <translation>Welche Kubernetes-Version verwenden Sie (und auf welche aktualisieren Sie, falls es um ein Upgrade geht)?</translation>
    </message>
    <message>
        <source>Which invoice is this about (invoice number or billing month)?</source>
        <translation>Um welche Rechnung geht es (Rechnungsnummer oder Abrechnungsmonat)?</translation>
    </message>
    <message>
        <source>What problem would this solve for you, and how do you handle it today?</source>
        <translation>Welches Problem würde das für Sie lösen, und wie gehen Sie heute damit um?</translation>
    </message>
    <message>
        <source>Describe the problem in more detail: what happened, what you expected, and what you already tried</source>
        <translation>Beschreiben Sie das Problem genauer: was passiert ist, was Sie erwartet haben und was Sie schon versucht haben</translation>
    </message>
    <message>
        <source>Add the exact error message or a log excerpt (e.g. from kubectl describe pod or the pod logs)</source>
        <translation>Fügen Sie die genaue Fehlermeldung oder einen Log-Auszug hinzu (z. B. aus kubectl describe pod oder den Pod-Logs)</translation>
    </message>
    <message>
        <source>Say what you expected to happen and what happened instead</source>
        <translation>Schreiben Sie, was Sie erwartet haben und was stattdessen passiert ist</translation>
    </message>
    <message>
        <source>Choose the affected cluster (or name it in the description)</source>
        <translation>Wählen Sie den betroffenen Cluster (oder nennen Sie ihn in der Beschreibung)</translation>
    </message>
    <message>
        <source>Add the version involved (Kubernetes, Helm chart, add-on or Ankra agent/CLI)</source>
        <translation>Geben Sie die beteiligte Version an (Kubernetes, Helm-Chart, Add-on oder Ankra-Agent/CLI)</translation>
    </message>
    <message>
        <source>Write a subject that says what is wrong (e.g. &quot;checkout-api pods in CrashLoopBackOff after deploy&quot;) instead of &quot;%1&quot;</source>
        <translation>Schreiben Sie einen Betreff, der sagt, was nicht stimmt (z. B. „checkout-api-Pods nach dem Deployment in CrashLoopBackOff“), statt „%1“</translation>
    </message>
    <message>
        <source>a private key</source>
        <translation>ein privater Schlüssel</translation>
    </message>
    <message>
        <source>an AWS access key</source>
        <translation>ein AWS-Zugriffsschlüssel</translation>
    </message>
    <message>
        <source>kubeconfig credentials</source>
        <translation>Zugangsdaten aus einer kubeconfig</translation>
    </message>
    <message>
        <source>a bearer token</source>
        <translation>ein Bearer-Token</translation>
    </message>
    <message>
        <source>an access token</source>
        <translation>ein Zugriffstoken</translation>
    </message>
    <message>
        <source>a token or API key</source>
        <translation>ein Token oder API-Schlüssel</translation>
    </message>
    <message>
        <source>a password</source>
        <translation>ein Passwort</translation>
    </message>
    <message>
        <source>Remove the secret you pasted (%1) — rotate it if it was real</source>
        <translation>Entfernen Sie das eingefügte Geheimnis (%1) – und ersetzen Sie es, falls es echt war</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::AccountSwitcher</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Switch account, add an account or sign out</source>
        <translation>Konto wechseln, ein Konto hinzufügen oder abmelden</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Sitzungstoken</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Using a token from ANKRA_API_TOKEN for this session only</source>
        <translation>Verwendet ein Token aus ANKRA_API_TOKEN nur für diese Sitzung</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Konto hinzufügen…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Files attached to this ticket. Drop files on the ticket to attach them.</source>
        <translation>Dateien, die an dieses Ticket angehängt sind. Ziehen Sie Dateien auf das Ticket, um sie anzuhängen.</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Herunterladen…</translation>
    </message>
    <message>
        <source>Save the selected attachment to a file</source>
        <translation>Den ausgewählten Anhang in eine Datei speichern</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Show the selected attachment</source>
        <translation>Den ausgewählten Anhang anzeigen</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <source>Choose files to attach to this ticket</source>
        <translation>Dateien auswählen, die an dieses Ticket angehängt werden</translation>
    </message>
    <message>
        <source>Uploading %1</source>
        <translation>%1 wird hochgeladen</translation>
    </message>
    <message>
        <source>No temporary folder for the pasted text.</source>
        <translation>Kein temporärer Ordner für den eingefügten Text.</translation>
    </message>
    <message>
        <source>The pasted text could not be saved for upload: %1</source>
        <translation>Der eingefügte Text konnte nicht zum Hochladen gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>Downloading %1</source>
        <translation>%1 wird heruntergeladen</translation>
    </message>
    <message>
        <source>The cache folder %1 cannot be created.</source>
        <translation>Der Cache-Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this transfer</source>
        <translation>Diese Übertragung abbrechen</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Dateien anhängen…</translation>
    </message>
    <message>
        <source>Choose files to attach to this ticket (Ctrl+Shift+A)</source>
        <translation>Dateien auswählen, die an dieses Ticket angehängt werden (Strg+Umschalt+A)</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::CacheUi</name>
    <message>
        <source>The server could not be reached (%1). This is the copy saved on this computer: it may be out of date.</source>
        <translation>Der Server ist nicht erreichbar (%1). Dies ist die auf diesem Computer gespeicherte Kopie: Sie ist möglicherweise veraltet.</translation>
    </message>
    <message>
        <source>Clear offline cache…</source>
        <translation>Offline-Cache leeren …</translation>
    </message>
    <message>
        <source>Remove the tickets and attachments this account saved on this computer</source>
        <translation>Die Tickets und Anhänge entfernen, die dieses Konto auf diesem Computer gespeichert hat</translation>
    </message>
    <message>
        <source>The offline cache is not available: %1</source>
        <translation>Der Offline-Cache ist nicht verfügbar: %1</translation>
    </message>
    <message numerus="yes">
        <source>Offline copy: %n ticket(s) saved on this computer, possibly out of date</source>
        <translation>
            <numerusform>Offline-Kopie: %n Ticket auf diesem Computer gespeichert, möglicherweise veraltet</numerusform>
            <numerusform>Offline-Kopie: %n Tickets auf diesem Computer gespeichert, möglicherweise veraltet</numerusform>
        </translation>
    </message>
    <message>
        <source>This ticket is the copy saved on this computer, possibly out of date</source>
        <translation>Dieses Ticket ist die auf diesem Computer gespeicherte Kopie, möglicherweise veraltet</translation>
    </message>
    <message>
        <source>Clear offline cache</source>
        <translation>Offline-Cache leeren</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n ticket(s) and the attachments (%1 in all accounts) this account saved on this computer? They are downloaded again when needed.</source>
        <translation>
            <numerusform>Das %n Ticket und die Anhänge (%1 in allen Konten) entfernen, die dieses Konto auf diesem Computer gespeichert hat? Sie werden bei Bedarf erneut heruntergeladen.</numerusform>
            <numerusform>Die %n Tickets und die Anhänge (%1 in allen Konten) entfernen, die dieses Konto auf diesem Computer gespeichert hat? Sie werden bei Bedarf erneut heruntergeladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The offline cache was cleared.</source>
        <translation>Der Offline-Cache wurde geleert.</translation>
    </message>
    <message>
        <source>The offline cache could not be cleared.</source>
        <translation>Der Offline-Cache konnte nicht geleert werden.</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::CannedRepliesButton</name>
    <message>
        <source>Canned replies</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <source>Insert a saved reply (Ctrl+Shift+I) or save this one (Ctrl+Shift+K)</source>
        <translation>Einen gespeicherten Textbaustein einfügen (Strg+Umschalt+I) oder diese Antwort speichern (Strg+Umschalt+K)</translation>
    </message>
    <message>
        <source>No canned replies yet</source>
        <translation>Noch keine Textbausteine</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>Save reply as canned reply…</source>
        <translation>Antwort als Textbaustein speichern…</translation>
    </message>
    <message>
        <source>Delete canned reply</source>
        <translation>Textbaustein löschen</translation>
    </message>
    <message>
        <source>Write the reply first, then save it as a canned reply.</source>
        <translation>Schreiben Sie zuerst die Antwort und speichern Sie sie dann als Textbaustein.</translation>
    </message>
    <message>
        <source>Save canned reply</source>
        <translation>Textbaustein speichern</translation>
    </message>
    <message>
        <source>Name of the canned reply (an existing one with this name is replaced):</source>
        <translation>Name des Textbausteins (ein vorhandener mit diesem Namen wird ersetzt):</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::ColumnsMenu</name>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Befehl eingeben…</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>Enter runs · Esc closes</source>
        <translation>Eingabe führt aus · Esc schließt</translation>
    </message>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <source>%1, shortcut %2</source>
        <translation>%1, Tastenkürzel %2</translation>
    </message>
    <message>
        <source>%1 › %2</source>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <source>Find Action…</source>
        <translation>Aktion suchen …</translation>
    </message>
    <message>
        <source>Search every action of this window and see its shortcut (Ctrl+K)</source>
        <translation>Alle Aktionen dieses Fensters durchsuchen und ihre Tastenkürzel sehen (Strg+K)</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::ComposeForm</name>
    <message>
        <source>Something in your clusters or deployments does not work as expected.</source>
        <translation>Etwas in Ihren Clustern oder Deployments funktioniert nicht wie erwartet.</translation>
    </message>
    <message>
        <source>Ankra itself behaves wrongly: an error, a crash, a wrong result.</source>
        <translation>Ankra selbst verhält sich falsch: ein Fehler, ein Absturz, ein falsches Ergebnis.</translation>
    </message>
    <message>
        <source>Something Ankra cannot do yet that you would like it to.</source>
        <translation>Etwas, das Ankra noch nicht kann und das Sie sich wünschen.</translation>
    </message>
    <message>
        <source>Sign-in, users, organisations, tokens and permissions.</source>
        <translation>Anmeldung, Benutzer, Organisationen, Tokens und Berechtigungen.</translation>
    </message>
    <message>
        <source>Invoices, plans, payments and usage charges.</source>
        <translation>Rechnungen, Tarife, Zahlungen und Nutzungsgebühren.</translation>
    </message>
    <message>
        <source>Anything that fits none of the above.</source>
        <translation>Alles, was zu nichts davon passt.</translation>
    </message>
    <message>
        <source>One line: what is wrong, where</source>
        <translation>Eine Zeile: was nicht stimmt und wo</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>What happened, what you expected, the exact error message and what you tried (Markdown)</source>
        <translation>Was passiert ist, was Sie erwartet haben, die genaue Fehlermeldung und was Sie versucht haben (Markdown)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Files to attach. Drop files here, use Attach…, or paste with Ctrl+V.</source>
        <translation>Anzuhängende Dateien. Ziehen Sie Dateien hierher, verwenden Sie „Anhängen…“ oder fügen Sie mit Strg+V ein.</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Anhängen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Ein&amp;fügen</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Besc&amp;hreibung:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>C&amp;luster:</source>
        <translation>C&amp;luster:</translation>
    </message>
    <message>
        <source>Attach&amp;ments:</source>
        <translation>Anhän&amp;ge:</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>No cluster</source>
        <translation>Kein Cluster</translation>
    </message>
    <message>
        <source>%1 (Kubernetes %2)</source>
        <translation>%1 (Kubernetes %2)</translation>
    </message>
    <message>
        <source>Sent with the ticket: cluster %1, Kubernetes %2, %3 %4 on %5.</source>
        <translation>Wird mit dem Ticket gesendet: Cluster %1, Kubernetes %2, %3 %4 auf %5.</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>Version unbekannt</translation>
    </message>
    <message>
        <source>Sent with the ticket: %1 %2 on %3. Choose a cluster to add its context.</source>
        <translation>Wird mit dem Ticket gesendet: %1 %2 auf %3. Wählen Sie einen Cluster, um dessen Kontext hinzuzufügen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The pasted image could not be saved.</source>
        <translation>Das eingefügte Bild konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The clipboard holds no file or image to attach.</source>
        <translation>Die Zwischenablage enthält keine Datei und kein Bild zum Anhängen.</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>Vorschau von %1</translation>
    </message>
    <message>
        <source>A one-line summary of the problem</source>
        <translation>Eine Zeile, die das Problem zusammenfasst</translation>
    </message>
    <message>
        <source>What happened, what you expected, the exact error and what you tried, in Markdown. Tab moves to the next field.</source>
        <translation>Was passiert ist, was Sie erwartet haben, die genaue Fehlermeldung und was Sie versucht haben, in Markdown. Tab wechselt zum nächsten Feld.</translation>
    </message>
    <message>
        <source>The kind of request this ticket is</source>
        <translation>Die Art der Anfrage dieses Tickets</translation>
    </message>
    <message>
        <source>The cluster the problem occurs on, if any</source>
        <translation>Der Cluster, auf dem das Problem auftritt, falls zutreffend</translation>
    </message>
    <message>
        <source>Choose files to attach to the ticket</source>
        <translation>Dateien auswählen, die an das Ticket angehängt werden</translation>
    </message>
    <message>
        <source>Remove the selected attachment</source>
        <translation>Den ausgewählten Anhang entfernen</translation>
    </message>
    <message>
        <source>Show the selected attachment</source>
        <translation>Den ausgewählten Anhang anzeigen</translation>
    </message>
    <message>
        <source>Attach the clipboard&apos;s image or text as a file (Ctrl+V in the list)</source>
        <translation>Bild oder Text aus der Zwischenablage als Datei anhängen (Strg+V in der Liste)</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::ConfirmPage</name>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>The ticket as it will be filed.</source>
        <translation>Das Ticket, wie es eingereicht wird.</translation>
    </message>
    <message>
        <source>&amp;Submit ticket</source>
        <translation>Ticket &amp;einreichen</translation>
    </message>
    <message>
        <source>The ticket as it will be filed</source>
        <translation>Das Ticket, wie es eingereicht wird</translation>
    </message>
    <message>
        <source>&amp;File it as it is</source>
        <translation>So &amp;einreichen</translation>
    </message>
    <message>
        <source>Category: %1 · Severity: %2</source>
        <translation>Kategorie: %1 · Dringlichkeit: %2</translation>
    </message>
    <message>
        <source>Cluster: %1</source>
        <translation>Cluster: %1</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Environment sent with it</source>
        <translation>Mitgesendete Umgebung</translation>
    </message>
    <message>
        <source>The review flagged this ticket: %1. Filing it anyway needs your confirmation.</source>
        <translation>Die Prüfung hat dieses Ticket beanstandet: %1. Wenn Sie es trotzdem einreichen, müssen Sie das bestätigen.</translation>
    </message>
    <message>
        <source>Read-only summary of everything that will be sent</source>
        <translation>Schreibgeschützte Übersicht über alles, was gesendet wird</translation>
    </message>
    <message>
        <source>Confirm that the ticket is filed although the review flagged it</source>
        <translation>Bestätigen, dass das Ticket trotz der Beanstandung der Prüfung eingereicht wird</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::DescribePage</name>
    <message>
        <source>Describe the problem</source>
        <translation>Problem beschreiben</translation>
    </message>
    <message>
        <source>Next checks the ticket before anything is filed.</source>
        <translation>„Weiter“ prüft das Ticket, bevor etwas eingereicht wird.</translation>
    </message>
    <message>
        <source>Stop re&amp;view</source>
        <translation>Prüfung an&amp;halten</translation>
    </message>
    <message>
        <source>The review failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Reviewing your ticket…</source>
        <translation>Ihr Ticket wird geprüft…</translation>
    </message>
    <message>
        <source>Stop checking the ticket and keep editing it</source>
        <translation>Die Prüfung des Tickets abbrechen und weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::DetailView</name>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Select a ticket and press Enter to open it.</source>
        <translation>Wählen Sie ein Ticket und drücken Sie die Eingabetaste, um es zu öffnen.</translation>
    </message>
    <message>
        <source>Close ticket…</source>
        <translation>Ticket schließen…</translation>
    </message>
    <message>
        <source>Close this ticket after confirmation</source>
        <translation>Dieses Ticket nach einer Rückfrage schließen</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Your reply in markdown. Ctrl+Enter sends it.</source>
        <translation>Ihre Antwort in Markdown. Strg+Eingabe sendet sie.</translation>
    </message>
    <message>
        <source>Write a reply (markdown). Ctrl+Enter sends.</source>
        <translation>Antwort schreiben (Markdown). Strg+Eingabe sendet.</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Send the reply to the Ankra team (Ctrl+Enter)</source>
        <translation>Die Antwort an das Ankra-Team senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>Nr. %1 %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Dringlichkeit: %1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Kategorie: %1</translation>
    </message>
    <message>
        <source>Cluster: %1</source>
        <translation>Cluster: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>AI review: %1</source>
        <translation>KI-Prüfung: %1</translation>
    </message>
    <message>
        <source>Tracked by the Ankra team</source>
        <translation>Vom Ankra-Team erfasst</translation>
    </message>
    <message>
        <source>Not yet tracked by the team</source>
        <translation>Noch nicht vom Team erfasst</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>Eröffnet %1</translation>
    </message>
    <message>
        <source>AI summary: %1</source>
        <translation>KI-Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>%1 / %2 characters: too long</source>
        <translation>%1 / %2 Zeichen: zu lang</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 Zeichen</translation>
    </message>
    <message>
        <source>This ticket is closed.</source>
        <translation>Dieses Ticket ist geschlossen.</translation>
    </message>
    <message>
        <source>Close ticket?</source>
        <translation>Ticket schließen?</translation>
    </message>
    <message>
        <source>Close “%1”?

The Ankra team will stop working on it. Open a new ticket if the problem comes back.</source>
        <translation>„%1“ schließen?

Das Ankra-Team arbeitet dann nicht mehr daran. Eröffnen Sie ein neues Ticket, wenn das Problem wiederkommt.</translation>
    </message>
    <message>
        <source>The ticket could not be loaded: %1</source>
        <translation>Das Ticket konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Your reply was not sent (it is still in the box): %1</source>
        <translation>Ihre Antwort wurde nicht gesendet (sie steht noch im Eingabefeld): %1</translation>
    </message>
    <message>
        <source>The ticket could not be closed: %1</source>
        <translation>Das Ticket konnte nicht geschlossen werden: %1</translation>
    </message>
    <message>
        <source>Upload failed: %1</source>
        <translation>Hochladen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Download failed: %1</source>
        <translation>Herunterladen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Try the failed action again</source>
        <translation>Die fehlgeschlagene Aktion erneut versuchen</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>The ticket&apos;s messages, oldest first</source>
        <translation>Die Nachrichten des Tickets, älteste zuerst</translation>
    </message>
    <message>
        <source>Stop the transfers?</source>
        <translation>Übertragungen abbrechen?</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) are still being uploaded.</source>
        <translation>
            <numerusform>%n Datei wird noch hochgeladen.</numerusform>
            <numerusform>%n Dateien werden noch hochgeladen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) are not finished.</source>
        <translation>
            <numerusform>%n Download ist nicht abgeschlossen.</numerusform>
            <numerusform>%n Downloads sind nicht abgeschlossen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 uploads and %2 downloads are not finished.</source>
        <translation>%1 Uploads und %2 Downloads sind nicht abgeschlossen.</translation>
    </message>
    <message numerus="yes">
        <source>Closing the window stops them.</source>
        <translation>
            <numerusform>Wenn Sie das Fenster schließen, wird die Übertragung abgebrochen.</numerusform>
            <numerusform>Wenn Sie das Fenster schließen, werden die Übertragungen abgebrochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Switching to another account stops them.</source>
        <translation>
            <numerusform>Wenn Sie zu einem anderen Konto wechseln, wird die Übertragung abgebrochen.</numerusform>
            <numerusform>Wenn Sie zu einem anderen Konto wechseln, werden die Übertragungen abgebrochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signing out stops them.</source>
        <translation>
            <numerusform>Wenn Sie sich abmelden, wird die Übertragung abgebrochen.</numerusform>
            <numerusform>Wenn Sie sich abmelden, werden die Übertragungen abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <source>A stopped upload has to be attached again.</source>
        <translation>Ein abgebrochener Upload muss erneut angehängt werden.</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::DraftsDialog</name>
    <message>
        <source>changed %1</source>
        <translation>geändert %1</translation>
    </message>
    <message numerus="yes">
        <source> · %n attachment(s)</source>
        <translation>
            <numerusform> · %n Anhang</numerusform>
            <numerusform> · %n Anhänge</numerusform>
        </translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Unsent tickets and replies. Enter opens one, Delete discards it.</source>
        <translation>Nicht gesendete Tickets und Antworten. Eingabe öffnet einen Entwurf, Entf verwirft ihn.</translation>
    </message>
    <message>
        <source>No drafts. What you type into a new ticket or a reply is kept here until it is sent.</source>
        <translation>Keine Entwürfe. Was Sie in ein neues Ticket oder eine Antwort schreiben, wird hier aufbewahrt, bis es gesendet ist.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Verwerfen…</translation>
    </message>
    <message>
        <source>Discard draft?</source>
        <translation>Entwurf verwerfen?</translation>
    </message>
    <message>
        <source>Discard “%1”?

Its text and attached files are deleted. This cannot be undone.</source>
        <translation>„%1“ verwerfen?

Der Text und die angehängten Dateien werden gelöscht. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>The draft could not be discarded: %1</source>
        <translation>Der Entwurf konnte nicht verworfen werden: %1</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::DuplicatesPage</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Duplikate</translation>
    </message>
    <message>
        <source>Is one of these your problem? Then your description and attachments can be added to it instead of filing a new ticket.</source>
        <translation>Ist eines davon Ihr Problem? Dann können Ihre Beschreibung und Ihre Anhänge dort ergänzt werden, statt ein neues Ticket einzureichen.</translation>
    </message>
    <message>
        <source>The selected ticket</source>
        <translation>Das ausgewählte Ticket</translation>
    </message>
    <message>
        <source>This is &amp;my problem</source>
        <translation>Das ist &amp;mein Problem</translation>
    </message>
    <message>
        <source>&amp;Different problem</source>
        <translation>&amp;Anderes Problem</translation>
    </message>
    <message>
        <source>%1
%2 · %3 confidence</source>
        <translation>%1
%2 · Sicherheit %3</translation>
    </message>
    <message>
        <source> · ✔ already resolved</source>
        <translation> · ✔ bereits gelöst</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Existing tickets that may describe the same problem</source>
        <translation>Vorhandene Tickets, die dasselbe Problem beschreiben könnten</translation>
    </message>
    <message>
        <source>The selected possible duplicate in full</source>
        <translation>Das ausgewählte mögliche Duplikat vollständig</translation>
    </message>
    <message>
        <source>Add your description and attachments to the selected ticket instead of filing a new one</source>
        <translation>Ihre Beschreibung und Anhänge dem ausgewählten Ticket hinzufügen, statt ein neues einzureichen</translation>
    </message>
    <message>
        <source>File your ticket as a new one</source>
        <translation>Ihr Ticket als neues Ticket einreichen</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::ImageView</name>
    <message>
        <source>Actual Size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Show the image at 100% instead of fitting it to the window</source>
        <translation>Das Bild in 100 % zeigen, statt es ans Fenster anzupassen</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <source>Switches between 100% zoom and fit to window</source>
        <translation>Wechselt zwischen 100 % und „an Fenster anpassen“</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Bildvorschau</translation>
    </message>
    <message>
        <source>%1, %2 × %3 pixels</source>
        <translation>%1, %2 × %3 Pixel</translation>
    </message>
    <message>
        <source>The image; arrow keys scroll it</source>
        <translation>Das Bild; die Pfeiltasten verschieben es</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::LargeTextView</name>
    <message>
        <source>File contents</source>
        <translation>Dateiinhalt</translation>
    </message>
    <message>
        <source>Read-only view of the file with line numbers</source>
        <translation>Schreibgeschützte Ansicht der Datei mit Zeilennummern</translation>
    </message>
    <message>
        <source>The selection is too large to copy (more than %1).</source>
        <translation>Die Auswahl ist zu groß zum Kopieren (mehr als %1).</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::MainWindow</name>
    <message>
        <source>Ankra Support</source>
        <translation>Ankra Support</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation>Neues Ticket</translation>
    </message>
    <message>
        <source>Describe a problem and file a ticket (Ctrl+N)</source>
        <translation>Ein Problem beschreiben und ein Ticket einreichen (Strg+N)</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Unsent tickets and replies (Ctrl+Shift+D)</source>
        <translation>Nicht gesendete Tickets und Antworten (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Check for updates (F5)</source>
        <translation>Nach Neuigkeiten sehen (F5)</translation>
    </message>
    <message>
        <source>Search subject and description (Ctrl+F)</source>
        <translation>Betreff und Beschreibung durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>Tickets durchsuchen</translation>
    </message>
    <message>
        <source>Searches the subject and description on the server</source>
        <translation>Durchsucht Betreff und Beschreibung auf dem Server</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <source>The tickets of the chosen view</source>
        <translation>Die Tickets der gewählten Ansicht</translation>
    </message>
    <message>
        <source>Try loading the tickets again</source>
        <translation>Die Tickets erneut laden</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>“%1” is now: %2</source>
        <translation>„%1“ ist jetzt: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n new reply(s) on “%1”</source>
        <translation>
            <numerusform>%n neue Antwort auf „%1“</numerusform>
            <numerusform>%n neue Antworten auf „%1“</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in: no API token. Start with ANKRA_API_TOKEN set, or use make run for the local demo server.</source>
        <translation>Nicht angemeldet: kein API-Token. Starten Sie mit gesetztem ANKRA_API_TOKEN oder verwenden Sie make run für den lokalen Demo-Server.</translation>
    </message>
    <message>
        <source>Drafts (%1)</source>
        <translation>Entwürfe (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n Ticket</numerusform>
            <numerusform>%n Tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::MarkdownBrowser</name>
    <message>
        <source>Open link?</source>
        <translation>Link öffnen?</translation>
    </message>
    <message>
        <source>Open this link in your browser?

%1</source>
        <translation>Diesen Link im Browser öffnen?

%1</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Ticket</source>
        <translation>&amp;Ticket</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Ankra Support %1

Files and follows support tickets for Ankra&apos;s Kubernetes platform, online and offline.

Built with Qt %2, running on Qt %3.</source>
        <translation>Ankra Support %1

Erstellt und verfolgt Support-Tickets für Ankras Kubernetes-Plattform, online und offline.

Erstellt mit Qt %2, läuft mit Qt %3.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close every window and quit (Ctrl+Q)</source>
        <translation>Alle Fenster schließen und beenden (Strg+Q)</translation>
    </message>
    <message>
        <source>&amp;About Ankra Support</source>
        <translation>Über &amp;Ankra Support</translation>
    </message>
    <message>
        <source>About Ankra Support</source>
        <translation>Über Ankra Support</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::MessageBanner</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::OfflineBanner</name>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Jetzt versuchen</translation>
    </message>
    <message>
        <source>Check now whether the server can be reached</source>
        <translation>Jetzt prüfen, ob der Server erreichbar ist</translation>
    </message>
    <message>
        <source>Outbox…</source>
        <translation>Postausgang…</translation>
    </message>
    <message>
        <source>You are offline: the server cannot be reached. New tickets, replies, attachments and closes are kept in the outbox and sent when it is back.</source>
        <translation>Sie sind offline: Der Server ist nicht erreichbar. Neue Tickets, Antworten, Anhänge und Schließungen bleiben im Postausgang und werden gesendet, sobald er wieder erreichbar ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) waiting.</source>
        <translation>
            <numerusform>%n Aktion wartet.</numerusform>
            <numerusform>%n Aktionen warten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The actions waiting to be sent</source>
        <translation>Die Aktionen, die auf das Senden warten</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::OutboxUi</name>
    <message>
        <source>The outbox is not available: %1</source>
        <translation>Der Postausgang ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>Actions waiting to be sent to the server</source>
        <translation>Aktionen, die auf das Senden an den Server warten</translation>
    </message>
    <message>
        <source>An action in the outbox was not sent: %1</source>
        <translation>Eine Aktion im Postausgang wurde nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Outbox (%1)</source>
        <translation>Postausgang (%1)</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Your reply could not be queued: %1</source>
        <translation>Ihre Antwort konnte nicht in den Postausgang gelegt werden: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached: your reply is kept in the outbox and sent when it is back.</source>
        <translation>Der Server ist nicht erreichbar: Ihre Antwort bleibt im Postausgang und wird gesendet, sobald er wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>Closing could not be queued: %1</source>
        <translation>Das Schließen konnte nicht in den Postausgang gelegt werden: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached: closing the ticket is queued in the outbox.</source>
        <translation>Der Server ist nicht erreichbar: Das Schließen des Tickets wartet im Postausgang.</translation>
    </message>
    <message>
        <source>The upload could not be queued: %1</source>
        <translation>Das Hochladen konnte nicht in den Postausgang gelegt werden: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached: %1 is kept in the outbox and uploaded when it is back.</source>
        <translation>Der Server ist nicht erreichbar: %1 bleibt im Postausgang und wird hochgeladen, sobald er wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>The ticket could not be queued: %1</source>
        <translation>Das Ticket konnte nicht in den Postausgang gelegt werden: %1</translation>
    </message>
    <message>
        <source>The server cannot be reached: “%1” is kept in the outbox and filed when it is back. It is in the ticket list as “Not yet sent”.</source>
        <translation>Der Server ist nicht erreichbar: „%1“ bleibt im Postausgang und wird eingereicht, sobald er wieder erreichbar ist. Es steht in der Ticketliste als „Noch nicht gesendet“.</translation>
    </message>
    <message>
        <source>The description could not be queued: %1</source>
        <translation>Die Beschreibung konnte nicht in den Postausgang gelegt werden: %1</translation>
    </message>
    <message>
        <source>The attachments could not be queued: %1</source>
        <translation>Die Anhänge konnten nicht in den Postausgang gelegt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server cannot be reached: %n attachment(s) are kept in the outbox and uploaded when it is back.</source>
        <translation>
            <numerusform>Der Server ist nicht erreichbar: %n Anhang bleibt im Postausgang und wird hochgeladen, sobald er wieder erreichbar ist.</numerusform>
            <numerusform>Der Server ist nicht erreichbar: %n Anhänge bleiben im Postausgang und werden hochgeladen, sobald er wieder erreichbar ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>Outbox…</source>
        <translation>Postausgang…</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::OutboxView</name>
    <message>
        <source>Edit queued ticket</source>
        <translation>Wartendes Ticket bearbeiten</translation>
    </message>
    <message>
        <source>Edit queued reply</source>
        <translation>Wartende Antwort bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Besc&amp;hreibung:</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>&amp;Antwort:</translation>
    </message>
    <message>
        <source>Enter a subject.</source>
        <translation>Geben Sie einen Betreff ein.</translation>
    </message>
    <message>
        <source>Describe the problem.</source>
        <translation>Beschreiben Sie das Problem.</translation>
    </message>
    <message>
        <source>The reply is empty.</source>
        <translation>Die Antwort ist leer.</translation>
    </message>
    <message>
        <source>The text is longer than 10,000 characters.</source>
        <translation>Der Text ist länger als 10.000 Zeichen.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Queued actions</source>
        <translation>Wartende Aktionen</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Send the failed action again (it is never applied twice)</source>
        <translation>Die fehlgeschlagene Aktion erneut senden (sie wird nie doppelt ausgeführt)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Send &amp;anyway</source>
        <translation>&amp;Trotzdem senden</translation>
    </message>
    <message>
        <source>File the ticket although the review flagged it</source>
        <translation>Das Ticket einreichen, obwohl die Prüfung es beanstandet hat</translation>
    </message>
    <message>
        <source>&amp;Cancel action…</source>
        <translation>Aktion &amp;abbrechen…</translation>
    </message>
    <message>
        <source>Clear &amp;sent</source>
        <translation>&amp;Gesendete entfernen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Nothing waits to be sent.</source>
        <translation>Nichts wartet auf das Senden.</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) not sent yet.</source>
        <translation>
            <numerusform>%n Aktion noch nicht gesendet.</numerusform>
            <numerusform>%n Aktionen noch nicht gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>You are offline: they are sent in this order once the server is reachable.</source>
        <translation>Sie sind offline: Sie werden in dieser Reihenfolge gesendet, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Cancel the new ticket “%1” and everything queued for it? It will not be sent.</source>
        <translation>Das neue Ticket „%1“ und alles, was dafür wartet, abbrechen? Es wird nicht gesendet.</translation>
    </message>
    <message>
        <source>Cancel this %1? It will not be sent.</source>
        <translation>Diese Aktion (%1) abbrechen? Sie wird nicht gesendet.</translation>
    </message>
    <message>
        <source>Cancel queued action</source>
        <translation>Wartende Aktion abbrechen</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::PreviewDialog</name>
    <message>
        <source>Preview: %1</source>
        <translation>Vorschau: %1</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::PreviewWidget</name>
    <message>
        <source>File preview</source>
        <translation>Dateivorschau</translation>
    </message>
    <message>
        <source>Nothing to preview.</source>
        <translation>Nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Die Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot show the image %1: %2</source>
        <translation>Das Bild %1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>binary data</source>
        <translation>Binärdaten</translation>
    </message>
    <message>
        <source>No preview for this type of file (%1, %2).</source>
        <translation>Keine Vorschau für diesen Dateityp (%1, %2).</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::ReviewPage</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>What the review suggests next to what you chose.</source>
        <translation>Was die Prüfung vorschlägt, neben Ihrer Auswahl.</translation>
    </message>
    <message>
        <source>Use as s&amp;ubject</source>
        <translation>Als &amp;Betreff verwenden</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Dringlichkeit</translation>
    </message>
    <message>
        <source>Accept s&amp;everity</source>
        <translation>&amp;Dringlichkeit übernehmen</translation>
    </message>
    <message>
        <source>Accept c&amp;ategory</source>
        <translation>&amp;Kategorie übernehmen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Suggested&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vorschlag&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your choice&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ihre Wahl&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Zusammenfassung:</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>D&amp;ringlichkeit:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Quality checklist</source>
        <translation>Qualitäts-Checkliste</translation>
    </message>
    <message>
        <source>Clarifying questions</source>
        <translation>Rückfragen</translation>
    </message>
    <message>
        <source>You changed the ticket: reviewing it again…</source>
        <translation>Sie haben das Ticket geändert: Es wird erneut geprüft…</translation>
    </message>
    <message>
        <source>The server could not be reached: this is a local pre-check. The server reviews the ticket again before it is filed.</source>
        <translation>Der Server war nicht erreichbar: Dies ist eine lokale Vorprüfung. Der Server prüft das Ticket erneut, bevor es eingereicht wird.</translation>
    </message>
    <message>
        <source>The review flagged this ticket. Fix what you can, or confirm it later.</source>
        <translation>Die Prüfung hat dieses Ticket beanstandet. Beheben Sie, was Sie können, oder bestätigen Sie es später.</translation>
    </message>
    <message>
        <source>The review found no problem.</source>
        <translation>Die Prüfung hat kein Problem gefunden.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <translation>Bearbeiten: %1</translation>
    </message>
    <message>
        <source>Replace your subject with the suggested summary</source>
        <translation>Ihren Betreff durch die vorgeschlagene Zusammenfassung ersetzen</translation>
    </message>
    <message>
        <source>How badly the problem affects you</source>
        <translation>Wie stark das Problem Sie beeinträchtigt</translation>
    </message>
    <message>
        <source>Use the suggested severity</source>
        <translation>Die vorgeschlagene Dringlichkeit übernehmen</translation>
    </message>
    <message>
        <source>Use the suggested category</source>
        <translation>Die vorgeschlagene Kategorie übernehmen</translation>
    </message>
    <message>
        <source>Tick when you have dealt with this point</source>
        <translation>Abhaken, wenn Sie diesen Punkt erledigt haben</translation>
    </message>
    <message>
        <source>Go back to the field this point is about</source>
        <translation>Zurück zu dem Feld, um das es bei diesem Punkt geht</translation>
    </message>
    <message>
        <source>Your answer is added to the ticket</source>
        <translation>Ihre Antwort wird dem Ticket hinzugefügt</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <source>Sign in to another server or add an account</source>
        <translation>Bei einem anderen Server anmelden oder ein Konto hinzufügen</translation>
    </message>
    <message>
        <source>Server and account</source>
        <translation>Server und Konto</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Update interval in seconds</source>
        <translation>Aktualisierungsintervall in Sekunden</translation>
    </message>
    <message>
        <source>How often the app asks the server for changes</source>
        <translation>Wie oft die App den Server nach Änderungen fragt</translation>
    </message>
    <message>
        <source>Show a &amp;notification for new replies and status changes</source>
        <translation>Bei neuen Antworten und Statusänderungen &amp;benachrichtigen</translation>
    </message>
    <message>
        <source>Notifies you about changes to your tickets while the app runs</source>
        <translation>Benachrichtigt Sie über Änderungen an Ihren Tickets, solange die App läuft</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Aktualisierung</translation>
    </message>
    <message>
        <source>Check for &amp;updates every:</source>
        <translation>&amp;Nach Neuigkeiten sehen alle:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language of the app, after a restart</source>
        <translation>Die Sprache der App, nach einem Neustart</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Cache size in megabytes</source>
        <translation>Cache-Größe in Megabyte</translation>
    </message>
    <message>
        <source>Disk space for tickets and attachments kept for offline use</source>
        <translation>Speicherplatz für Tickets und Anhänge, die offline verfügbar bleiben</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>&amp;Cache size:</source>
        <translation>&amp;Cache-Größe:</translation>
    </message>
    <message>
        <source>The new language is used after a restart.</source>
        <translation>Die neue Sprache wird nach einem Neustart verwendet.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Server, update interval, notifications, language and cache (Ctrl+,)</source>
        <translation>Server, Aktualisierungsintervall, Benachrichtigungen, Sprache und Cache (Strg+,)</translation>
    </message>
    <message>
        <source>Save the settings and close</source>
        <translation>Die Einstellungen speichern und schließen</translation>
    </message>
    <message>
        <source>Close without changing the settings</source>
        <translation>Schließen, ohne die Einstellungen zu ändern</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::SignInDialog</name>
    <message>
        <source>Sign in to Ankra Support</source>
        <translation>Bei Ankra Support anmelden</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>A name to tell several accounts apart</source>
        <translation>Ein Name, um mehrere Konten zu unterscheiden</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Create one in the Ankra dashboard under Profile, API Tokens</source>
        <translation>Erstellen Sie eines im Ankra-Dashboard unter Profil, API-Tokens</translation>
    </message>
    <message>
        <source>Profile → API Tokens in the Ankra dashboard</source>
        <translation>Profil → API-Tokens im Ankra-Dashboard</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Optional: another organisation&apos;s id</source>
        <translation>Optional: die ID einer anderen Organisation</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Check the address and the token without signing in</source>
        <translation>Adresse und Token prüfen, ohne sich anzumelden</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Use for this session only</source>
        <translation>Nur für diese Sitzung verwenden</translation>
    </message>
    <message>
        <source>Use the token until the app quits, without storing it</source>
        <translation>Das Token bis zum Beenden der App verwenden, ohne es zu speichern</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Account name:</source>
        <translation>&amp;Kontoname:</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>The stored token could not be read: %1</source>
        <translation>Das gespeicherte Token konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Enter a name for this account.</source>
        <translation>Geben Sie einen Namen für dieses Konto ein.</translation>
    </message>
    <message>
        <source>Enter your API token.</source>
        <translation>Geben Sie Ihr API-Token ein.</translation>
    </message>
    <message>
        <source>The organisation must be an id such as 11111111-2222-4333-8444-555555555555.</source>
        <translation>Die Organisation muss eine ID sein, etwa 11111111-2222-4333-8444-555555555555.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message numerus="yes">
        <source>Connected. %n ticket(s) visible.</source>
        <translation>
            <numerusform>Verbunden. %n Ticket sichtbar.</numerusform>
            <numerusform>Verbunden. %n Tickets sichtbar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saving the token in the system keychain…</source>
        <translation>Das Token wird im Schlüsselbund des Systems gespeichert…</translation>
    </message>
    <message>
        <source>The token could not be stored: %1</source>
        <translation>Das Token konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The address of the Ankra API</source>
        <translation>Die Adresse der Ankra-API</translation>
    </message>
    <message>
        <source>Check the token, store it in the system keychain and sign in</source>
        <translation>Das Token prüfen, im Schlüsselbund des Systems speichern und anmelden</translation>
    </message>
    <message>
        <source>Close without signing in</source>
        <translation>Schließen, ohne sich anzumelden</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::StaffActionsPanel</name>
    <message>
        <source>Team actions</source>
        <translation>Team-Aktionen</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <source>Take this ticket (Ctrl+Shift+M)</source>
        <translation>Dieses Ticket übernehmen (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Change the status (Ctrl+Shift+S)</source>
        <translation>Den Status ändern (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Dringlichkeit</translation>
    </message>
    <message>
        <source>Change the severity (Ctrl+Shift+V)</source>
        <translation>Die Dringlichkeit ändern (Strg+Umschalt+V)</translation>
    </message>
    <message>
        <source>No severity</source>
        <translation>Keine Dringlichkeit</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Change the category (Ctrl+Shift+C)</source>
        <translation>Die Kategorie ändern (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Se&amp;verity:</source>
        <translation>D&amp;ringlichkeit:</translation>
    </message>
    <message>
        <source>Cate&amp;gory:</source>
        <translation>&amp;Kategorie:</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>Organisation: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Zugewiesen an %1</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>The change was not made: %1</source>
        <translation>Die Änderung wurde nicht vorgenommen: %1</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::StaffWindow</name>
    <message>
        <source>Ankra Support — Team</source>
        <translation>Ankra Support – Team</translation>
    </message>
    <message>
        <source>Ankra Support — Team — %1</source>
        <translation>Ankra Support – Team – %1</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Queue views</source>
        <translation>Warteschlangen-Ansichten</translation>
    </message>
    <message>
        <source>Search subject and description (Ctrl+F)</source>
        <translation>Betreff und Beschreibung durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search tickets</source>
        <translation>Tickets durchsuchen</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Reply &amp;&amp; wait on customer</source>
        <translation>Antworten &amp;&amp; auf Kunden warten</translation>
    </message>
    <message>
        <source>Send the reply and set the ticket to waiting on customer (Ctrl+Shift+W)</source>
        <translation>Die Antwort senden und das Ticket auf „Wartet auf Kunden“ setzen (Strg+Umschalt+W)</translation>
    </message>
    <message>
        <source>Reply &amp;&amp; resolve</source>
        <translation>Antworten &amp;&amp; lösen</translation>
    </message>
    <message>
        <source>Send the reply and resolve the ticket (Ctrl+Shift+R)</source>
        <translation>Die Antwort senden und das Ticket als gelöst markieren (Strg+Umschalt+R)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Go to the queue</source>
        <translation>Zur Warteschlange</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Reply and set waiting on customer</source>
        <translation>Antworten und auf Kunden warten</translation>
    </message>
    <message>
        <source>Reply and resolve</source>
        <translation>Antworten und lösen</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Mir zuweisen</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>Zuweisung aufheben</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Status ändern…</translation>
    </message>
    <message>
        <source>Change severity…</source>
        <translation>Dringlichkeit ändern…</translation>
    </message>
    <message>
        <source>Change category…</source>
        <translation>Kategorie ändern…</translation>
    </message>
    <message>
        <source>Insert canned reply…</source>
        <translation>Textbaustein einfügen…</translation>
    </message>
    <message>
        <source>Save reply as canned reply…</source>
        <translation>Antwort als Textbaustein speichern…</translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n Ticket</numerusform>
            <numerusform>%n Tickets</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose which tickets the queue shows</source>
        <translation>Auswählen, welche Tickets die Warteschlange zeigt</translation>
    </message>
    <message>
        <source>Filter the queue by words in the subject and description (Ctrl+F)</source>
        <translation>Die Warteschlange nach Wörtern in Betreff und Beschreibung filtern (Strg+F)</translation>
    </message>
    <message>
        <source>The tickets of the chosen view. Enter opens the selected ticket.</source>
        <translation>Die Tickets der gewählten Ansicht. Eingabe öffnet das ausgewählte Ticket.</translation>
    </message>
    <message>
        <source>Try loading the queue again</source>
        <translation>Die Warteschlange erneut laden</translation>
    </message>
    <message>
        <source>Ankra Support (team)</source>
        <translation>Ankra Support (Team)</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::StatusTimeline</name>
    <message>
        <source>Status timeline</source>
        <translation>Statusverlauf</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Being assessed</source>
        <translation>Wird bewertet</translation>
    </message>
    <message>
        <source>Waiting on you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <source>Being worked on</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::SubmitPage</name>
    <message>
        <source>The server cannot be reached (%1).</source>
        <translation>Der Server ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Einreichen</translation>
    </message>
    <message>
        <source>Filing the ticket, then uploading each attachment.</source>
        <translation>Das Ticket wird eingereicht, dann wird jeder Anhang hochgeladen.</translation>
    </message>
    <message>
        <source>&amp;Open ticket</source>
        <translation>Ticket ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>The review of your changed ticket flagged it (%1). Press Retry to file it as it is.</source>
        <translation>Die Prüfung Ihres geänderten Tickets hat es beanstandet (%1). Drücken Sie „Erneut versuchen“, um es so einzureichen.</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>in der Warteschlange</translation>
    </message>
    <message>
        <source>uploading…</source>
        <translation>wird hochgeladen…</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>hochgeladen</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Checking the review again…</source>
        <translation>Die Prüfung wird wiederholt…</translation>
    </message>
    <message>
        <source>Adding your description to the existing ticket…</source>
        <translation>Ihre Beschreibung wird dem bestehenden Ticket hinzugefügt…</translation>
    </message>
    <message>
        <source>Filing the ticket…</source>
        <translation>Das Ticket wird eingereicht…</translation>
    </message>
    <message>
        <source>Uploading attachments (%1 of %2 done)…</source>
        <translation>Anhänge werden hochgeladen (%1 von %2 fertig)…</translation>
    </message>
    <message>
        <source>Your description and attachments were added to “%1”.</source>
        <translation>Ihre Beschreibung und Ihre Anhänge wurden zu „%1“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Ticket #%1 “%2” is filed.</source>
        <translation>Ticket Nr. %1 „%2“ ist eingereicht.</translation>
    </message>
    <message>
        <source>Ticket “%1” is filed.</source>
        <translation>Ticket „%1“ ist eingereicht.</translation>
    </message>
    <message>
        <source>%1
Nothing is lost: press Retry when the server is reachable again. Nothing is filed or uploaded twice.</source>
        <translation>%1
Es geht nichts verloren: Drücken Sie „Erneut versuchen“, sobald der Server wieder erreichbar ist. Nichts wird doppelt eingereicht oder hochgeladen.</translation>
    </message>
    <message>
        <source>Each attachment and whether it was uploaded</source>
        <translation>Jeder Anhang und ob er hochgeladen wurde</translation>
    </message>
    <message>
        <source>Try the failed step again</source>
        <translation>Den fehlgeschlagenen Schritt erneut versuchen</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::SubmitWizard</name>
    <message>
        <source>New ticket</source>
        <translation>Neues Ticket</translation>
    </message>
    <message>
        <source>Save as &amp;draft</source>
        <translation>Als &amp;Entwurf speichern</translation>
    </message>
    <message>
        <source>Keep this ticket as a draft and close; open it again from Drafts. What you type is also saved as you go.</source>
        <translation>Dieses Ticket als Entwurf behalten und schließen; unter „Entwürfe“ wieder öffnen. Was Sie schreiben, wird auch laufend gespeichert.</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>Als Entwurf speichern</translation>
    </message>
    <message>
        <source>There is nothing to save yet: enter a subject or a description.</source>
        <translation>Es gibt noch nichts zu speichern: Geben Sie einen Betreff oder eine Beschreibung ein.</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>Der Entwurf konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Go to the previous step</source>
        <translation>Zum vorherigen Schritt</translation>
    </message>
    <message>
        <source>Check this step and go on</source>
        <translation>Diesen Schritt prüfen und weitermachen</translation>
    </message>
    <message>
        <source>File the ticket; it cannot be taken back</source>
        <translation>Das Ticket einreichen; das lässt sich nicht rückgängig machen</translation>
    </message>
    <message>
        <source>Close and open the new ticket</source>
        <translation>Schließen und das neue Ticket öffnen</translation>
    </message>
    <message>
        <source>Close the wizard without filing the ticket</source>
        <translation>Den Assistenten schließen, ohne das Ticket einzureichen</translation>
    </message>
    <message>
        <source>Show help for this step</source>
        <translation>Hilfe zu diesem Schritt anzeigen</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::TextBuffer</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::TextPreview</name>
    <message>
        <source>Wrap Lines</source>
        <translation>Zeilen umbrechen</translation>
    </message>
    <message>
        <source>Wrap long lines at the window edge</source>
        <translation>Lange Zeilen am Fensterrand umbrechen</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Find text in the file (Ctrl+F)</source>
        <translation>Text in der Datei suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Go to Line…</source>
        <translation>Gehe zu Zeile…</translation>
    </message>
    <message>
        <source>Jump to a line number (Ctrl+G)</source>
        <translation>Zu einer Zeilennummer springen (Strg+G)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find text</source>
        <translation>Text suchen</translation>
    </message>
    <message>
        <source>Press Enter or F3 for the next match, Shift+F3 for the previous one</source>
        <translation>Eingabe oder F3 für den nächsten Treffer, Umschalt+F3 für den vorherigen</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Vorheriger</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+F3)</source>
        <translation>Den vorherigen Treffer suchen (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nächster</translation>
    </message>
    <message>
        <source>Find the next match (F3)</source>
        <translation>Den nächsten Treffer suchen (F3)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Die Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Line number</source>
        <translation>Zeilennummer</translation>
    </message>
    <message>
        <source>Type a line number and press Enter</source>
        <translation>Geben Sie eine Zeilennummer ein und drücken Sie die Eingabetaste</translation>
    </message>
    <message>
        <source>Go to line:</source>
        <translation>Gehe zu Zeile:</translation>
    </message>
    <message>
        <source>Close the go to line bar (Esc)</source>
        <translation>Die Zeilensprung-Leiste schließen (Esc)</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Search wrapped around</source>
        <translation>Suche am Anfang fortgesetzt</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Klartext</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 so far (reading the file…)</source>
        <translation>%1 · bisher %2 (Datei wird gelesen…)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>1 to %1</source>
        <translation>1 bis %1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Wird gesucht…</translation>
    </message>
    <message>
        <source>Find only text with the same upper and lower case</source>
        <translation>Nur Text mit derselben Groß- und Kleinschreibung finden</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::TicketProxyModel</name>
    <message>
        <source>%1 (unread)</source>
        <translation>%1 (ungelesen)</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::TrayNotifier</name>
    <message>
        <source>Show Ankra Support</source>
        <translation>Ankra Support anzeigen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::ViewSidebar</name>
    <message>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <source>Choose which tickets the list shows</source>
        <translation>Wählen Sie, welche Tickets die Liste zeigt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Waiting on me</source>
        <translation>Wartet auf mich</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation>
            <numerusform>%1, %n Ticket</numerusform>
            <numerusform>%1, %n Tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Wire</name>
    <message>
        <source>Under review</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>Awaiting triage</source>
        <translation>Wartet auf Sichtung</translation>
    </message>
    <message>
        <source>Being assessed</source>
        <translation>Wird bewertet</translation>
    </message>
    <message>
        <source>Being worked on</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Waiting on you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technisch</translation>
    </message>
    <message>
        <source>Bug</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Feature request</source>
        <translation>Funktionswunsch</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>Wartet auf Kunden</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Beanstandet</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Desktop client for Ankra support tickets.</source>
        <translation>Desktop-Client für Ankra-Support-Tickets.</translation>
    </message>
    <message>
        <source>Server URL (default: $ANKRA_SUPPORT_URL or %1).</source>
        <translation>Server-URL (Vorgabe: $ANKRA_SUPPORT_URL oder %1).</translation>
    </message>
    <message>
        <source>Ankra Support</source>
        <translation>Ankra Support</translation>
    </message>
    <message>
        <source>Cannot use the server %1.

%2</source>
        <translation>Der Server %1 kann nicht verwendet werden.

%2</translation>
    </message>
    <message>
        <source>That draft no longer exists.</source>
        <translation>Diesen Entwurf gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Saved as a draft: open it from Drafts.</source>
        <translation>Als Entwurf gespeichert: Öffnen Sie ihn unter „Entwürfe“.</translation>
    </message>
    <message numerus="yes">
        <source>%n unsent draft(s): see Drafts.</source>
        <translation>
            <numerusform>%n nicht gesendeter Entwurf: siehe „Entwürfe“.</numerusform>
            <numerusform>%n nicht gesendete Entwürfe: siehe „Entwürfe“.</numerusform>
        </translation>
    </message>
    <message>
        <source>Language: en or de (default: the setting, else the system language).</source>
        <translation>Sprache: en oder de (Vorgabe: die Einstellung, sonst die Systemsprache).</translation>
    </message>
    <message>
        <source>Use a light or dark palette instead of the system colours.</source>
        <translation>Eine helle oder dunkle Farbpalette statt der Systemfarben verwenden.</translation>
    </message>
    <message>
        <source>A ticket to open, as ankra-support://ticket/&lt;id&gt;.</source>
        <translation>Ein zu öffnendes Ticket, als ankra-support://ticket/&lt;id&gt;.</translation>
    </message>
    <message>
        <source>Not a ticket link: %1</source>
        <translation>Kein Ticket-Link: %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>Session token on %1</source>
        <translation>Sitzungstoken auf %1</translation>
    </message>
</context>
</TS>
