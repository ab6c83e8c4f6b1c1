<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BottomBar</name>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="149"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="150"/>
        <source>首页</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="151"/>
        <source>再听一遍</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="152"/>
        <source>求助</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../kiosk/widgets/countdown.py" line="97"/>
        <source>需要更多时间</source>
        <translation>More time, please</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/widgets/countdown.py" line="103"/>
        <source>%n 秒后回到首页</source>
        <translation>
            <numerusform>Back to the start in %n second</numerusform>
            <numerusform>Back to the start in %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../../kiosk/screens/error.py" line="90"/>
        <source>求助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/error.py" line="92"/>
        <source>返回首页</source>
        <translation>Back to start</translation>
    </message>
</context>
<context>
    <name>Greeting</name>
    <message>
        <location filename="../../kiosk/screens/greeting.py" line="46"/>
        <source>%1，您好</source>
        <translation>Hello, %1</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../kiosk/screens/help.py" line="15"/>
        <source>也可以到%1办理</source>
        <translation>You can also go to %1</translation>
    </message>
</context>
<context>
    <name>InsertCard</name>
    <message>
        <location filename="../../kiosk/screens/insert_card.py" line="22"/>
        <source>读卡口在屏幕右下方</source>
        <translation>The card slot is below the screen, on the right</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/insert_card.py" line="23"/>
        <source>读卡口在屏幕左下方</source>
        <translation>The card slot is below the screen, on the left</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/insert_card.py" line="24"/>
        <location filename="../../kiosk/screens/insert_card.py" line="25"/>
        <source>读卡口在屏幕正下方</source>
        <translation>The card slot is just below the screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/insert_card.py" line="26"/>
        <source>读卡口在屏幕右边</source>
        <translation>The card slot is to the right of the screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/insert_card.py" line="27"/>
        <source>读卡口在屏幕左边</source>
        <translation>The card slot is to the left of the screen</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/widgets/keypad.py" line="131"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/keypad.py" line="132"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/widgets/keypad.py" line="137"/>
        <source>还可以再试 %n 次</source>
        <translation>
            <numerusform>You can try %n more time</numerusform>
            <numerusform>You can try %n more times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutOfService</name>
    <message>
        <location filename="../../kiosk/screens/out_of_service.py" line="32"/>
        <source>请到%1办理</source>
        <translation>Please go to %1</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <location filename="../../kiosk/screens/services.py" line="30"/>
        <source>资格认证</source>
        <translation>Certify</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/services.py" line="33"/>
        <source>打印参保证明</source>
        <translation>Print statement</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/services.py" line="36"/>
        <source>我的待遇</source>
        <translation>My benefits</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/services.py" line="38"/>
        <source>就业岗位</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/services.py" line="40"/>
        <source>政策通知</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/services.py" line="42"/>
        <source>求助</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>StatusBanner</name>
    <message>
        <location filename="../../kiosk/widgets/status_banner.py" line="12"/>
        <source>成功</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/status_banner.py" line="13"/>
        <source>注意</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/status_banner.py" line="14"/>
        <source>未成功</source>
        <translation>Not done</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="95"/>
        <source>%1 社保自助服务</source>
        <translation>%1 Social Security Self-Service</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="117"/>
        <source>○ 离线</source>
        <translation>○ offline</translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <location filename="../../kiosk/texts.py" line="19"/>
        <source>请插入社保卡，或点击下方服务</source>
        <translation>Insert your social security card, or touch a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="20"/>
        <source>请把社保卡插入读卡口</source>
        <translation>Please put your social security card into the slot</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="21"/>
        <source>正在读卡，请稍候</source>
        <translation>Reading your card, please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="22"/>
        <source>请选择要办理的服务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="23"/>
        <source>请稍候，工作人员马上来帮您</source>
        <translation>Please wait, a member of staff is coming to help you</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="24"/>
        <source>本机暂停服务，请到窗口办理</source>
        <translation>This machine is not working now, please go to the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="25"/>
        <source>请取走您的社保卡</source>
        <translation>Please take your social security card</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="26"/>
        <source>您还需要更多时间吗？</source>
        <translation>Do you need more time?</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="27"/>
        <source>这项服务暂时不能使用</source>
        <translation>This service is not available yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="29"/>
        <source>这张卡不是社保卡</source>
        <translation>This card is not a social security card</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="30"/>
        <source>您的社保卡已经过期</source>
        <translation>Your social security card has expired</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="31"/>
        <source>这张卡没有读出来</source>
        <translation>The card could not be read</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="32"/>
        <source>社保卡拔出得太早了</source>
        <translation>The card was taken out too early</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="33"/>
        <source>读卡器暂时不能使用</source>
        <translation>The card reader is not working now</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="34"/>
        <source>刚才出了点问题</source>
        <translation>Something went wrong just now</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="36"/>
        <source>请取出这张卡，换社保卡再插入</source>
        <translation>Please take this card out and insert your social security card</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="37"/>
        <source>请到窗口办理换卡</source>
        <translation>Please go to the counter for a new card</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="38"/>
        <source>请取出卡，擦一擦芯片，再插入</source>
        <translation>Please take the card out, wipe the chip, and insert it again</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="39"/>
        <source>请重新插入社保卡，等读完再取出</source>
        <translation>Please insert the card again and leave it in until it is read</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="40"/>
        <source>请点求助，工作人员会来帮您</source>
        <translation>Please touch Help, and staff will come to help you</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="41"/>
        <source>请回到首页重新开始</source>
        <translation>Please go back to the start and try again</translation>
    </message>
</context>
</TS>
