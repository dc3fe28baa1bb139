<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Ankra::Api::ApiError</name>
    <message numerus="yes">
        <source>Too many requests. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many requests. Try again in %n second.</numerusform>
            <numerusform>Too many requests. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Models::Attachments</name>
    <message numerus="yes">
        <source>%1: this ticket already has the most attachments allowed (%n).</source>
        <translation>
            <numerusform>%1: this ticket already has the most attachments allowed (%n).</numerusform>
            <numerusform>%1: this ticket already has the most attachments allowed (%n).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Models::NotificationBatcher</name>
    <message numerus="yes">
        <source>%n new ticket(s)</source>
        <translation>
            <numerusform>%n new ticket</numerusform>
            <numerusform>%n new tickets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer reply(s)</source>
        <translation>
            <numerusform>%n customer reply</numerusform>
            <numerusform>%n customer replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) from the Ankra team</source>
        <translation>
            <numerusform>%n reply from the Ankra team</numerusform>
            <numerusform>%n replies from the Ankra team</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n status change(s)</source>
        <translation>
            <numerusform>%n status change</numerusform>
            <numerusform>%n status changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Review::SubmissionFlow</name>
    <message numerus="yes">
        <source>The subject is longer than %n characters.</source>
        <translation>
            <numerusform>The subject is longer than %n characters.</numerusform>
            <numerusform>The subject is longer than %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The description is longer than %n characters.</source>
        <translation>
            <numerusform>The description is longer than %n characters.</numerusform>
            <numerusform>The description is longer than %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::CacheUi</name>
    <message numerus="yes">
        <source>Offline copy: %n ticket(s) saved on this computer, possibly out of date</source>
        <translation>
            <numerusform>Offline copy: %n ticket saved on this computer, possibly out of date</numerusform>
            <numerusform>Offline copy: %n tickets saved on this computer, possibly out of date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n ticket(s) and the attachments (%1 in all accounts) this account saved on this computer? They are downloaded again when needed.</source>
        <translation>
            <numerusform>Remove the %n ticket and the attachments (%1 in all accounts) this account saved on this computer? They are downloaded again when needed.</numerusform>
            <numerusform>Remove the %n tickets and the attachments (%1 in all accounts) this account saved on this computer? They are downloaded again when needed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::DetailView</name>
    <message numerus="yes">
        <source>%n file(s) are still being uploaded.</source>
        <translation>
            <numerusform>%n file is still being uploaded.</numerusform>
            <numerusform>%n files are still being uploaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) are not finished.</source>
        <translation>
            <numerusform>%n download is not finished.</numerusform>
            <numerusform>%n downloads are not finished.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closing the window stops them.</source>
        <translation>
            <numerusform>Closing the window stops it.</numerusform>
            <numerusform>Closing the window stops them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Switching to another account stops them.</source>
        <translation>
            <numerusform>Switching to another account stops it.</numerusform>
            <numerusform>Switching to another account stops them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signing out stops them.</source>
        <translation>
            <numerusform>Signing out stops it.</numerusform>
            <numerusform>Signing out stops them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::DraftsDialog</name>
    <message numerus="yes">
        <source> · %n attachment(s)</source>
        <translation>
            <numerusform> · %n attachment</numerusform>
            <numerusform> · %n attachments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::MainWindow</name>
    <message numerus="yes">
        <source>%n new reply(s) on “%1”</source>
        <translation>
            <numerusform>%n new reply on “%1”</numerusform>
            <numerusform>%n new replies on “%1”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::OfflineBanner</name>
    <message numerus="yes">
        <source>%n action(s) waiting.</source>
        <translation>
            <numerusform>%n action waiting.</numerusform>
            <numerusform>%n actions waiting.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::OutboxUi</name>
    <message numerus="yes">
        <source>The server cannot be reached: %n attachment(s) are kept in the outbox and uploaded when it is back.</source>
        <translation>
            <numerusform>The server cannot be reached: %n attachment are kept in the outbox and uploaded when it is back.</numerusform>
            <numerusform>The server cannot be reached: %n attachments are kept in the outbox and uploaded when it is back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::OutboxView</name>
    <message numerus="yes">
        <source>%n action(s) not sent yet.</source>
        <translation>
            <numerusform>%n action not sent yet.</numerusform>
            <numerusform>%n actions not sent yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::SignInDialog</name>
    <message numerus="yes">
        <source>Connected. %n ticket(s) visible.</source>
        <translation>
            <numerusform>Connected. %n ticket visible.</numerusform>
            <numerusform>Connected. %n tickets visible.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::StaffWindow</name>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation>
            <numerusform>%n ticket</numerusform>
            <numerusform>%n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::TextPreview</name>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Ankra::Ui::ViewSidebar</name>
    <message numerus="yes">
        <source>%1, %n ticket(s)</source>
        <translation>
            <numerusform>%1, %n ticket</numerusform>
            <numerusform>%1, %n tickets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message numerus="yes">
        <source>%n unsent draft(s): see Drafts.</source>
        <translation>
            <numerusform>%n unsent draft: see Drafts.</numerusform>
            <numerusform>%n unsent drafts: see Drafts.</numerusform>
        </translation>
    </message>
</context>
</TS>
