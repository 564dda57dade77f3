<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>knotie::SecretRevealDialog</name>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation><numerusform>Copied. The clipboard is cleared in %n second.</numerusform><numerusform>Copied. The clipboard is cleared in %n seconds.</numerusform></translation>
    </message>
</context>
</TS>