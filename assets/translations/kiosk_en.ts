<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Benefits</name>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="35"/>
        <source>养老金</source>
        <translation>Pension</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="36"/>
        <source>失业保险金</source>
        <translation>Unemployment benefit</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="40"/>
        <source>正常发放</source>
        <translation>Being paid</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="41"/>
        <source>暂停发放</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="42"/>
        <source>已停发</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="43"/>
        <source>请到窗口咨询</source>
        <translation>Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="46"/>
        <source>职工养老保险</source>
        <translation>Employee pension</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="47"/>
        <source>居民养老保险</source>
        <translation>Resident pension</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="48"/>
        <source>医疗保险</source>
        <translation>Medical</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="49"/>
        <source>失业保险</source>
        <translation>Unemployment</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="50"/>
        <source>工伤保险</source>
        <translation>Work injury</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="51"/>
        <source>生育保险</source>
        <translation>Maternity</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="193"/>
        <source>看完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="233"/>
        <source>每月金额</source>
        <translation>Each month</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="239"/>
        <source>已发放到</source>
        <translation>Paid until</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="243"/>
        <source>下次认证截止</source>
        <translation>Certify by</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="252"/>
        <source>缴费情况</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="256"/>
        <source>险种</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="257"/>
        <source>缴费年份</source>
        <translation>Years</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="258"/>
        <source>累计月数</source>
        <translation>Months</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="267"/>
        <source>本机没有您的缴费记录</source>
        <translation>No contributions on this machine</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="270"/>
        <source>个人账户余额</source>
        <translation>Account balance</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="277"/>
        <source>%1年</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="279"/>
        <source>%1–%2年</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/benefits.py" line="285"/>
        <source>%1 个月</source>
        <translation>%1 months</translation>
    </message>
</context>
<context>
    <name>BottomBar</name>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="143"/>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="144"/>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="145"/>
        <source>再听一遍</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="146"/>
        <source>求助</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>Certification</name>
    <message>
        <location filename="../../kiosk/screens/certify/result.py" line="158"/>
        <source>请到%1办理</source>
        <translation>Please go to %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/result.py" line="179"/>
        <source>打印回执</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/result.py" line="181"/>
        <source>求助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/result.py" line="183"/>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="19"/>
        <source>养老金领取资格认证</source>
        <translation>Pension certification</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="21"/>
        <source>失业保险金领取资格认证</source>
        <translation>Unemployment benefit certification</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="28"/>
        <source>养老金</source>
        <translation>pension</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="30"/>
        <source>失业金</source>
        <translation>unemployment benefit</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="41"/>
        <source>已过期，请尽快认证（应在%1前）</source>
        <translation>Overdue: please certify now (was due by %1)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="44"/>
        <source>请在%1前认证</source>
        <translation>Please certify by %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="46"/>
        <source>本期已认证，下次在%1前</source>
        <translation>Done for this period; next by %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="48"/>
        <source>现在可以认证，%1前有效</source>
        <translation>You can certify now; due by %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="55"/>
        <source>最多可以试%1次</source>
        <translation>Up to %1 tries</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="57"/>
        <source>还可以再试%1次</source>
        <translation>%1 tries left</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="72"/>
        <source>下次请在%1前认证</source>
        <translation>Next time, please certify by %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="92"/>
        <source>插卡</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="93"/>
        <source>确认待遇</source>
        <translation>Benefit</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="94"/>
        <source>按指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/words.py" line="95"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>CertifyStart</name>
    <message>
        <location filename="../../kiosk/screens/certify/start.py" line="63"/>
        <source>正在查询您的认证信息…</source>
        <translation>Looking up your certification details…</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../kiosk/widgets/countdown.py" line="30"/>
        <source>%1 秒后回到首页</source>
        <comment>one second left</comment>
        <translation>Back to Home in 1 second</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/countdown.py" line="32"/>
        <source>%1 秒后回到首页</source>
        <comment>several seconds left</comment>
        <translation>Back to Home in %1 seconds</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/countdown.py" line="111"/>
        <source>需要更多时间</source>
        <translation>More time, please</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../../kiosk/screens/common/error.py" line="107"/>
        <source>求助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/error.py" line="109"/>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>Finger</name>
    <message>
        <location filename="../../kiosk/screens/common/finger.py" line="155"/>
        <source>换一个手指：</source>
        <translation>Now another finger: </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/finger.py" line="169"/>
        <source>%1，您好。</source>
        <translation>Hello, %1. </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/finger.py" line="171"/>
        <location filename="../../kiosk/screens/common/finger.py" line="178"/>
        <source>本次认证：%1</source>
        <translation>Certifying: %1</translation>
    </message>
</context>
<context>
    <name>Greeting</name>
    <message>
        <location filename="../../kiosk/screens/common/greeting.py" line="40"/>
        <source>%1已认证，下次认证时间：%2前</source>
        <translation>Your %1 is certified; next certification by %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/certify/start.py" line="67"/>
        <location filename="../../kiosk/screens/common/greeting.py" line="89"/>
        <source>%1，您好</source>
        <translation>Hello, %1</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../kiosk/screens/common/help.py" line="16"/>
        <source>也可以到%1办理</source>
        <translation>You can also go to %1</translation>
    </message>
</context>
<context>
    <name>InsertCard</name>
    <message>
        <location filename="../../kiosk/screens/common/insert_card.py" line="21"/>
        <source>读卡口在屏幕右下方</source>
        <translation>The card slot is below the screen, on the right</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/insert_card.py" line="22"/>
        <source>读卡口在屏幕左下方</source>
        <translation>The card slot is below the screen, on the left</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/insert_card.py" line="23"/>
        <location filename="../../kiosk/screens/common/insert_card.py" line="24"/>
        <source>读卡口在屏幕正下方</source>
        <translation>The card slot is just below the screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/insert_card.py" line="25"/>
        <source>读卡口在屏幕右边</source>
        <translation>The card slot is to the right of the screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/insert_card.py" line="26"/>
        <source>读卡口在屏幕左边</source>
        <translation>The card slot is to the left of the screen</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="35"/>
        <source>招 %1 人</source>
        <translation>%1 wanted</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="144"/>
        <source>工资</source>
        <translation>Pay</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="145"/>
        <source>招聘人数</source>
        <translation>People wanted</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="146"/>
        <source>招聘单位</source>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="149"/>
        <source>工作地点</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="150"/>
        <source>报名截止</source>
        <translation>Apply by</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="151"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="178"/>
        <source>我有意向</source>
        <translation>I&apos;m interested</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="250"/>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/jobs.py" line="253"/>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../../kiosk/widgets/keypad.py" line="65"/>
        <source>还可以再试 %1 次</source>
        <comment>one try left</comment>
        <translation>You can try %1 more time</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/keypad.py" line="67"/>
        <source>还可以再试 %1 次</source>
        <comment>several tries left</comment>
        <translation>You can try %1 more times</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/keypad.py" line="165"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/keypad.py" line="166"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/keypad.py" line="168"/>
        <source>退格</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="528"/>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="50"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="51"/>
        <source>注意</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="52"/>
        <source>故障</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="53"/>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="121"/>
        <source>技术维护：请输入维护密码</source>
        <translation>Maintenance: enter the technician PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="174"/>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="180"/>
        <source>密码不对，还可以再试 %1 次</source>
        <translation>Wrong PIN. %1 more tries</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="187"/>
        <source>本机没有设置维护密码：kiosk-admin technician set-pin</source>
        <translation>No technician PIN on this kiosk: kiosk-admin technician set-pin</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="191"/>
        <source>维护密码文件无法读取：请查看日志</source>
        <translation>The PIN file cannot be read: see the log</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="193"/>
        <source>密码不对；错误次数无法保存（磁盘已满？），请查看日志</source>
        <translation>Wrong PIN; the count could not be saved (disk full?): see the log</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/entry.py" line="204"/>
        <source>错误次数过多，请 %1 秒后再试</source>
        <translation>Too many wrong PINs. Try again in %1 s</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="43"/>
        <source>读卡测试</source>
        <translation>Test card</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="477"/>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="44"/>
        <source>指纹测试</source>
        <translation>Test finger</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo/screenshots/maintenance_scenes.py" line="117"/>
        <location filename="../../kiosk/flows/maintenance.py" line="483"/>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="45"/>
        <source>打印测试页</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="46"/>
        <source>立即同步</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="47"/>
        <source>重新下载数据</source>
        <translation>Re-pull feeds</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="48"/>
        <source>被拒交易</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="49"/>
        <source>导出诊断包</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="50"/>
        <source>音量 −</source>
        <translation>Volume −</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="51"/>
        <source>音量 +</source>
        <translation>Volume +</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="52"/>
        <source>重启程序</source>
        <translation>Restart</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="53"/>
        <source>退出到桌面</source>
        <translation>To desktop</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="54"/>
        <source>设备状态</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="66"/>
        <source>技术维护：维护操作</source>
        <translation>Maintenance: actions</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="136"/>
        <source>成功</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="139"/>
        <source>未成功</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="159"/>
        <source>音量：%1（默认值在每位居民离开后恢复）</source>
        <translation>Volume: %1 (back to the default after each resident)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="167"/>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="178"/>
        <source>技术维护：被平台拒绝的交易</source>
        <translation>Maintenance: transactions the platform rejected</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="206"/>
        <source>共 %1 笔</source>
        <translation>%1 in total</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="211"/>
        <source>……其余 %1 笔见导出文件</source>
        <translation>… %1 more in the export</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="216"/>
        <source>导出列表</source>
        <translation>Export list</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="234"/>
        <source>平台拒收</source>
        <translation>Refused by the platform</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="255"/>
        <source>技术维护：选择导出到哪里</source>
        <translation>Maintenance: choose where to export</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="289"/>
        <source>没有找到U盘：请插入U盘后返回再进入，或导出到本机的导出文件夹</source>
        <translation>No USB stick found: insert one, go back and come again, or export to the local exports folder</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="294"/>
        <source>点选一个文件夹</source>
        <translation>Touch a folder</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="307"/>
        <source>测试页打印得对吗？（中文、生僻字清楚，网格完整）</source>
        <translation>Did the test page print right? (Chinese and rare characters clear, grid complete)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="310"/>
        <source>现在重启程序吗？</source>
        <translation>Restart the application now?</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="311"/>
        <source>退出自助服务程序，回到桌面吗？</source>
        <translation>Leave the kiosk application for the desktop?</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="325"/>
        <source>技术维护：请确认</source>
        <translation>Maintenance: please confirm</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="380"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="381"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="39"/>
        <source>读卡器</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="40"/>
        <source>指纹仪</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="41"/>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="42"/>
        <source>县平台</source>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="43"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="44"/>
        <source>磁盘空间</source>
        <translation>Disk</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="45"/>
        <source>软件版本</source>
        <translation>Software</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="46"/>
        <source>最近错误</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="55"/>
        <source>%1 秒前</source>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="57"/>
        <source>%1 分钟前</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="59"/>
        <source>%1 小时前</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="61"/>
        <source>%1 天前</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="71"/>
        <source>剩余 %1 GiB，共 %2 GiB</source>
        <translation>%1 GiB free of %2 GiB</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="75"/>
        <source>版本 %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="82"/>
        <source>待送出 %1 笔 · 被拒 %2 笔</source>
        <translation>%1 waiting to be sent · %2 rejected</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="87"/>
        <source>时钟差 %1 秒</source>
        <translation>clock off by %1 s</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="92"/>
        <source>更新：%1</source>
        <translation>updated: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="120"/>
        <source>技术维护：设备状态</source>
        <translation>Maintenance: diagnostics</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="184"/>
        <source>审计记录未写入：%1</source>
        <translation>Audit entry not written: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="195"/>
        <source>检查中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="208"/>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="209"/>
        <source>维护操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="55"/>
        <location filename="../../kiosk/screens/maintenance/actions.py" line="382"/>
        <location filename="../../kiosk/screens/maintenance/diagnostics.py" line="210"/>
        <source>退出维护</source>
        <translation>Leave</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo/screenshots/maintenance_scenes.py" line="100"/>
        <location filename="../../kiosk/flows/maintenance.py" line="309"/>
        <source>卡号</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo/screenshots/maintenance_scenes.py" line="101"/>
        <location filename="../../kiosk/flows/maintenance.py" line="310"/>
        <source>身份证号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo/screenshots/maintenance_scenes.py" line="102"/>
        <location filename="../../kiosk/flows/maintenance.py" line="311"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo/screenshots/maintenance_scenes.py" line="103"/>
        <location filename="../../kiosk/flows/maintenance.py" line="312"/>
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../kiosk/demo/screenshots/maintenance_scenes.py" line="107"/>
        <location filename="../../kiosk/flows/maintenance.py" line="322"/>
        <source>读卡正常</source>
        <translation>Card read</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="331"/>
        <source>读卡失败</source>
        <translation>Card read failed</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="375"/>
        <source>同步完成</source>
        <translation>Sync complete</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="377"/>
        <source>同步未完成（数据都还在本机）</source>
        <translation>Sync incomplete (everything stays on this kiosk)</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="381"/>
        <source>送出 %1 笔（接收 %2，拒收 %3）· 下载：%4</source>
        <translation>sent %1 (accepted %2, refused %3) · downloaded: %4</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="402"/>
        <source>请插入任意一张卡</source>
        <translation>Insert any card</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="406"/>
        <source>请把手指放在指纹仪上</source>
        <translation>Place a finger on the sensor</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="411"/>
        <source>正在打印测试页…</source>
        <translation>Printing the test page…</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="416"/>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="420"/>
        <source>同步服务未运行</source>
        <translation>Sync service not running</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="428"/>
        <source>正在重新下载全部数据…</source>
        <translation>Re-pulling every feed…</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="463"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="481"/>
        <source>测试页已送出</source>
        <translation>Test page sent</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="485"/>
        <source>诊断包</source>
        <translation>Diagnostic bundle</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="486"/>
        <source>被拒交易列表</source>
        <translation>Rejected list</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="492"/>
        <source>图像质量：好 · 比对分数 %1</source>
        <translation>Image quality: good · score %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="496"/>
        <source>已写入：%1</source>
        <translation>Written to %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="526"/>
        <source>测试页</source>
        <translation>Test page: </translation>
    </message>
    <message>
        <location filename="../../kiosk/flows/maintenance.py" line="530"/>
        <source>有问题</source>
        <translation>not right</translation>
    </message>
</context>
<context>
    <name>MaintenanceWords</name>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="25"/>
        <source>工作正常</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="26"/>
        <source>模拟设备（演示用），不是真实设备</source>
        <translation>Simulated device (for demonstrations), not a real one</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="27"/>
        <source>检查没有按时回答：请重新检查</source>
        <translation>The check did not answer in time: check again</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="28"/>
        <source>检查时出错：请查看日志</source>
        <translation>The check failed: see the log</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="29"/>
        <source>读卡服务（pcscd）没有运行：请重启本机</source>
        <translation>The card service (pcscd) is not running: restart the kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="32"/>
        <source>找不到读卡器：请检查USB线</source>
        <translation>No card reader found: check the USB cable</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="33"/>
        <source>指纹仪没有响应：请检查连线和电源</source>
        <translation>The fingerprint sensor does not answer: check its cable and power</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="34"/>
        <source>指纹仪型号不支持</source>
        <translation>This fingerprint sensor model is not supported</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="35"/>
        <source>指纹仪出错：请重新试一次</source>
        <translation>Fingerprint sensor error: try again</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="36"/>
        <source>指纹仪正被自助程序使用</source>
        <translation>The kiosk program is using the fingerprint sensor</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="37"/>
        <source>没有放手指</source>
        <translation>No finger was placed</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="38"/>
        <source>指纹图像不清楚：请擦干净指纹仪</source>
        <translation>Unclear fingerprint image: clean the sensor glass</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="39"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="40"/>
        <source>纸用完了：请装纸</source>
        <translation>Out of paper: load paper</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="41"/>
        <source>卡纸了：请打开打印机取出纸张</source>
        <translation>Paper jam: open the printer and take the paper out</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="42"/>
        <location filename="../../kiosk/screens/maintenance/words.py" line="43"/>
        <source>打印机离线：请检查电源和连线</source>
        <translation>Printer offline: check its power and cable</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="44"/>
        <source>打印队列已停用：修好打印机后启用</source>
        <translation>Print queue disabled: enable it once the printer is fixed</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="45"/>
        <location filename="../../kiosk/screens/maintenance/words.py" line="46"/>
        <source>找不到打印机：请检查打印服务</source>
        <translation>Printer not found: check the print service</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="47"/>
        <source>打印机有提醒（如墨粉不足）</source>
        <translation>The printer has a warning (e.g. toner low)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="48"/>
        <source>打印机出错</source>
        <translation>Printer error</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="49"/>
        <source>没有打印出来</source>
        <translation>Nothing was printed</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="50"/>
        <source>打印超时：请看打印机</source>
        <translation>Printing timed out: look at the printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="51"/>
        <source>等待打印的任务太多</source>
        <translation>Too many jobs waiting to print</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="52"/>
        <source>连不上县平台：本机照常离线工作</source>
        <translation>County platform not reachable: the kiosk works offline as usual</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="53"/>
        <source>县平台回答异常：本机照常离线工作</source>
        <translation>The county platform answers wrongly: the kiosk works offline as usual</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="54"/>
        <source>本机数据库打不开</source>
        <translation>The kiosk&apos;s database cannot be opened</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="55"/>
        <source>本机时间不准：请校准时间</source>
        <translation>The kiosk&apos;s clock is wrong: set the time</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="56"/>
        <source>还没有人员名单：请立即同步</source>
        <translation>No resident list yet: sync now</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="57"/>
        <source>还没有完整同步过</source>
        <translation>No complete sync yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="58"/>
        <source>很久没有同步了</source>
        <translation>No sync for a long time</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="59"/>
        <source>有被平台拒绝的交易：请看被拒交易</source>
        <translation>Some transactions were rejected: see Rejected</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="60"/>
        <source>有超过一天没送出的交易</source>
        <translation>Some transactions have waited over a day to be sent</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="61"/>
        <source>岗位或通知很久没有更新</source>
        <translation>Jobs or notices not updated for a long time</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="62"/>
        <source>数据库损坏：请运行 kiosk-admin repair</source>
        <translation>Database damaged: run kiosk-admin repair</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="65"/>
        <source>数据文件夹不存在</source>
        <translation>The data folder is missing</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="66"/>
        <source>磁盘快满了：请立即清理</source>
        <translation>The disk is nearly full: free space now</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="67"/>
        <source>磁盘空间不多了</source>
        <translation>Disk space is running low</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="68"/>
        <source>还没有日志文件</source>
        <translation>No log files yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="69"/>
        <source>最近24小时有错误记录</source>
        <translation>Errors were logged in the last 24 hours</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="71"/>
        <source>没有插卡</source>
        <translation>No card inserted</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="72"/>
        <source>读卡时卡被拔出</source>
        <translation>The card was pulled out while being read</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="73"/>
        <source>卡读不出来：换一张卡或清洁读卡器</source>
        <translation>The card cannot be read: try another card or clean the reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="74"/>
        <source>卡已过期（读卡器正常）</source>
        <translation>The card has expired (the reader works)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="75"/>
        <source>不是社保卡（读卡器正常）</source>
        <translation>Not a social security card (the reader works)</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="76"/>
        <source>读卡出错</source>
        <translation>Card read error</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="77"/>
        <source>设备出错</source>
        <translation>Device error</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="79"/>
        <source>平台认为内容不合格</source>
        <translation>The platform found the content invalid</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="80"/>
        <source>身份证号不对</source>
        <translation>Wrong ID number</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="81"/>
        <source>平台名单里没有这个人</source>
        <translation>This person is not on the platform&apos;s list</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="82"/>
        <source>这个人属于别的乡镇</source>
        <translation>This person belongs to another township</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="83"/>
        <source>岗位已经关闭</source>
        <translation>The job has closed</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="87"/>
        <source>资格认证</source>
        <translation>Certification</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="88"/>
        <source>打印参保证明</source>
        <translation>Statement print</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="89"/>
        <source>岗位意向登记</source>
        <translation>Job interest</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="90"/>
        <source>服务评价</source>
        <translation>Rating</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="91"/>
        <source>维护记录</source>
        <translation>Maintenance record</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="95"/>
        <source>人员名单</source>
        <translation>residents</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="96"/>
        <source>岗位</source>
        <translation>jobs</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/maintenance/words.py" line="97"/>
        <source>通知</source>
        <translation>notices</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <location filename="../../kiosk/screens/info/notices.py" line="68"/>
        <source>发布日期：</source>
        <translation>Published: </translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/notices.py" line="147"/>
        <source>看完了</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>OutOfService</name>
    <message>
        <location filename="../../kiosk/screens/common/out_of_service.py" line="44"/>
        <source>请到%1办理</source>
        <translation>Please go to %1</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <location filename="../../kiosk/widgets/paging.py" line="138"/>
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/paging.py" line="139"/>
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/paging.py" line="141"/>
        <source>第 %1 页，共 %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>PhoneEntry</name>
    <message>
        <location filename="../../kiosk/screens/info/phone_entry.py" line="122"/>
        <source>还没有输入号码</source>
        <translation>No number typed yet</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/phone_entry.py" line="124"/>
        <source>第一位是%1，不是1，请点清除</source>
        <translation>Starts with %1, not 1: touch Clear</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/phone_entry.py" line="127"/>
        <source>现在是%1位，还差%2位</source>
        <translation>%1 digits so far, %2 more to go</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/phone_entry.py" line="163"/>
        <source>岗位</source>
        <translation>Job</translation>
    </message>
</context>
<context>
    <name>PrintingScreen</name>
    <message>
        <location filename="../../kiosk/screens/statement/printing.py" line="173"/>
        <source>求助</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/printing.py" line="175"/>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/printing.py" line="179"/>
        <source>共 %1 页</source>
        <translation>Pages: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/printing.py" line="185"/>
        <source>取好了</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <location filename="../../kiosk/screens/info/rating.py" line="36"/>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/rating.py" line="37"/>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/rating.py" line="38"/>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/rating.py" line="39"/>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/rating.py" line="40"/>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/rating.py" line="201"/>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/info/rating.py" line="203"/>
        <source>不评价，回首页</source>
        <translation>Skip and go Home</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <location filename="../../kiosk/screens/common/service_catalog.py" line="32"/>
        <source>资格认证</source>
        <translation>Certify</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/service_catalog.py" line="35"/>
        <source>打印参保证明</source>
        <translation>Print statement</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/service_catalog.py" line="38"/>
        <source>我的待遇</source>
        <translation>My benefits</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/service_catalog.py" line="41"/>
        <source>就业岗位</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/service_catalog.py" line="44"/>
        <source>政策通知</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/common/service_catalog.py" line="46"/>
        <source>求助</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>StatementFlow</name>
    <message>
        <location filename="../../kiosk/screens/statement/pin.py" line="43"/>
        <source>插卡</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/pin.py" line="44"/>
        <location filename="../../kiosk/screens/statement/pin.py" line="255"/>
        <source>按指纹</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/pin.py" line="46"/>
        <source>输密码</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/pin.py" line="47"/>
        <source>看证明</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/pin.py" line="48"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/pin.py" line="54"/>
        <source>请到%1办理</source>
        <translation>Please go to %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/pin.py" line="248"/>
        <source>也可以到%1办理</source>
        <translation>You can also go to %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/pin.py" line="259"/>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>StatementPreview</name>
    <message>
        <location filename="../../kiosk/screens/statement/preview.py" line="178"/>
        <source>正在生成您的参保证明…</source>
        <translation>Making your statement…</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/preview.py" line="206"/>
        <source>共 %1 页</source>
        <translation>Pages: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/preview.py" line="228"/>
        <source>往上看</source>
        <translation>Up</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/preview.py" line="229"/>
        <source>往下看</source>
        <translation>Down</translation>
    </message>
    <message>
        <location filename="../../kiosk/screens/statement/preview.py" line="230"/>
        <source>打印</source>
        <translation>Print</translation>
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
        <location filename="../../kiosk/widgets/frame.py" line="89"/>
        <source>%1 社保自助服务</source>
        <translation>%1 Social Security Self-Service</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="93"/>
        <source>English</source>
        <comment>the language switch: the other language</comment>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../kiosk/widgets/frame.py" line="111"/>
        <source>○ 离线</source>
        <translation>○ Offline</translation>
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
        <translation>Please insert your social security card into the slot</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="21"/>
        <source>正在读卡，请稍候</source>
        <translation>Reading your card. Please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="22"/>
        <source>请选择要办理的服务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="23"/>
        <source>请稍候，工作人员马上来帮您</source>
        <translation>Please wait. A member of staff is coming to help you</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="24"/>
        <source>本机暂停服务，请到窗口办理</source>
        <translation>This machine is not working now. Please go to the counter</translation>
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
        <translation>Please touch Home and start again</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="43"/>
        <source>正在查询您的待遇信息，请稍候</source>
        <translation>Looking up your benefits. Please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="44"/>
        <source>请选择要认证的待遇</source>
        <translation>Please choose what to certify</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="45"/>
        <source>请将手指平放在指纹仪上</source>
        <translation>Please place your finger flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="46"/>
        <source>请将右手拇指平放在指纹仪上</source>
        <translation>Please place your right thumb flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="47"/>
        <source>请将右手食指平放在指纹仪上</source>
        <translation>Please place your right index finger flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="48"/>
        <source>请将右手中指平放在指纹仪上</source>
        <translation>Please place your right middle finger flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="49"/>
        <source>请将右手无名指平放在指纹仪上</source>
        <translation>Please place your right ring finger flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="50"/>
        <source>请将右手小指平放在指纹仪上</source>
        <translation>Please place your right little finger flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="51"/>
        <source>请将左手拇指平放在指纹仪上</source>
        <translation>Please place your left thumb flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="52"/>
        <source>请将左手食指平放在指纹仪上</source>
        <translation>Please place your left index finger flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="53"/>
        <source>请将左手中指平放在指纹仪上</source>
        <translation>Please place your left middle finger flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="54"/>
        <source>请将左手无名指平放在指纹仪上</source>
        <translation>Please place your left ring finger flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="55"/>
        <source>请将左手小指平放在指纹仪上</source>
        <translation>Please place your left little finger flat on the fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="56"/>
        <source>请抬起手指</source>
        <translation>Please lift your finger</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="57"/>
        <source>指纹没有看清楚，请把手指擦干净，稍用力平按</source>
        <translation>The fingerprint was not clear. Please wipe your finger and press it flat, a little firmer</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="58"/>
        <source>手指太干时，可以对手指哈口气再按</source>
        <translation>If your finger is dry, breathe on it and press again</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="59"/>
        <source>指纹没有识别出来，请再按一次</source>
        <translation>The fingerprint was not recognised. Please press once more</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="60"/>
        <source>这个手指没有识别出来</source>
        <translation>This finger was not recognised</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="61"/>
        <source>换一个手指</source>
        <translation>Now another finger</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="62"/>
        <source>认证成功</source>
        <translation>Certified</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="63"/>
        <source>您这一期已经认证过了，再认证一次也没有关系</source>
        <translation>You had already certified for this period; certifying again does no harm</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="64"/>
        <source>这次没有认证成功</source>
        <translation>The certification did not succeed this time</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="65"/>
        <source>请到窗口办理，或点求助请工作人员帮您</source>
        <translation>Please go to the counter, or touch Help and staff will help you</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="66"/>
        <source>没有找到您的待遇信息，请到窗口办理</source>
        <translation>We could not find your benefit details. Please go to the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="67"/>
        <source>您目前没有需要认证的待遇</source>
        <translation>You have nothing to certify at the moment</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="68"/>
        <source>您还没有登记指纹，请到窗口办理认证</source>
        <translation>No fingerprint is registered for you. Please certify at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="69"/>
        <source>指纹仪暂时不能使用，请到窗口办理</source>
        <translation>The fingerprint reader is not working. Please go to the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="70"/>
        <source>您的养老金目前暂停发放，请到窗口咨询</source>
        <translation>Your pension is suspended at the moment. Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="71"/>
        <source>您的养老金已经停止发放，请到窗口咨询</source>
        <translation>Your pension has been stopped. Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="72"/>
        <source>您的失业保险金目前暂停发放，请到窗口咨询</source>
        <translation>Your unemployment benefit is suspended at the moment. Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="75"/>
        <source>您的失业保险金已经停止发放，请到窗口咨询</source>
        <translation>Your unemployment benefit has been stopped. Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="79"/>
        <source>请输入社保卡密码</source>
        <translation>Please enter your card PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="80"/>
        <source>正在核对密码，请稍候</source>
        <translation>Checking your PIN. Please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="81"/>
        <source>密码不对，请重新输入</source>
        <translation>Wrong PIN. Please try again</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="82"/>
        <source>社保卡密码已被锁定</source>
        <translation>Your card PIN is locked</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="83"/>
        <source>指纹没有认出来，请输入社保卡密码</source>
        <translation>Fingerprint not recognised. Enter your PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="84"/>
        <source>指纹仪暂时不能使用，请输入社保卡密码</source>
        <translation>The fingerprint reader is off. Enter your PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="85"/>
        <source>正在准备参保证明，请稍候</source>
        <translation>Preparing your statement. Please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="86"/>
        <source>请看一下证明，没有问题请点打印</source>
        <translation>Please check the statement, then touch Print</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="87"/>
        <source>正在打印，请稍候</source>
        <translation>Printing. Please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="88"/>
        <source>请取走您的参保证明</source>
        <translation>Please take your statement</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="89"/>
        <source>请取走您的认证回执</source>
        <translation>Please take your receipt</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="90"/>
        <source>打印机没有纸了</source>
        <translation>The printer is out of paper</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="91"/>
        <source>打印机卡纸了</source>
        <translation>The paper is stuck in the printer</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="92"/>
        <source>打印机没有连上</source>
        <translation>The printer is not connected</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="93"/>
        <source>打印机暂时不能使用</source>
        <translation>The printer is not working now</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="94"/>
        <source>打印机很久没有反应</source>
        <translation>The printer did not respond</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="95"/>
        <source>这次没有打印出来</source>
        <translation>Nothing was printed this time</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="96"/>
        <source>证明还没有准备好</source>
        <translation>The statement is not ready</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="97"/>
        <source>本机没有找到您的缴费记录</source>
        <translation>Your records are not on this machine</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="98"/>
        <source>请找工作人员，或点求助</source>
        <translation>Please ask a member of staff, or touch Help</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="99"/>
        <source>请到窗口办理</source>
        <translation>Please go to the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="102"/>
        <source>正在查询，请稍候</source>
        <translation>Looking it up. Please wait</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="103"/>
        <source>这是您的待遇</source>
        <translation>These are your benefits</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="104"/>
        <source>这是您的缴费情况</source>
        <translation>These are your contributions</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="105"/>
        <source>没有查到您的待遇信息，请到窗口咨询</source>
        <translation>We found no benefit record for you. Please ask at the counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="106"/>
        <source>请点一个岗位，看详细情况</source>
        <translation>Please touch a job to see the details</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="107"/>
        <source>现在没有招聘的岗位，请过几天再来看</source>
        <translation>No jobs are offered now. Please look again in a few days</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="108"/>
        <source>想做这份工作，请点我有意向</source>
        <translation>If you want this job, please touch I&apos;m interested</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="109"/>
        <source>请输入您的手机号码，再点确定</source>
        <translation>Please enter your mobile number, then touch OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="110"/>
        <source>手机号码是1开头的11位数字</source>
        <translation>A mobile number has 11 digits, starting with 1</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="111"/>
        <source>手机号码要以1开头，共11位</source>
        <translation>A mobile number starts with 1 and has 11 digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="112"/>
        <source>已经登记，工作人员会打电话联系您</source>
        <translation>Done. Our staff will call you</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="113"/>
        <source>请点一条通知，看全文</source>
        <translation>Please touch a notice to read all of it</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="114"/>
        <source>现在没有新的通知</source>
        <translation>There are no new notices</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="115"/>
        <source>这是通知全文</source>
        <translation>This is the whole notice</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="116"/>
        <source>刚才没有查到，请点求助，或回到首页</source>
        <translation>That did not work. Please touch Help or Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="117"/>
        <source>请为这次服务打个分</source>
        <translation>Please rate this service</translation>
    </message>
    <message>
        <location filename="../../kiosk/texts.py" line="118"/>
        <source>谢谢您的评价</source>
        <translation>Thank you for your rating</translation>
    </message>
</context>
</TS>
