<?php
// A device's web login for the probe's real-daemon lab (ADR 0089), run by lighttpd with PHP (php-cgi):
// a POST form with a CSRF token in a hidden input bound to the PHP session cookie; the right pair is
// answered with 303 to the status page and a new session id, a wrong one with the form again, a missing
// or wrong token with 403. Written for the lab; it describes no vendor's firmware.
session_save_path('@SESSIONS@');
session_start();
if (empty($_SESSION['csrf'])) {
    $_SESSION['csrf'] = bin2hex(random_bytes(16));
}
$error = '';
if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    if (!hash_equals($_SESSION['csrf'], (string) ($_POST['csrf_token'] ?? ''))) {
        http_response_code(403);
        echo "<!DOCTYPE html><p>Request token missing or expired.</p>\n";
        exit;
    }
    if (hash_equals('admin', (string) ($_POST['username'] ?? ''))
            && hash_equals('@PASSWORD@', (string) ($_POST['password'] ?? ''))) {
        session_regenerate_id(true);
        $_SESSION['user'] = 'admin';
        unset($_SESSION['csrf']);
        header('Location: /status.php', true, 303);
        exit;
    }
    $_SESSION['csrf'] = bin2hex(random_bytes(16));
    $error = "<p class=\"error\">Invalid user name or password.</p>\n";
}
?>
<!DOCTYPE html>
<html><head><title>Device login</title></head><body>
<?= $error ?>
<form method="post" action="login.php">
<input type="hidden" name="csrf_token" value="<?= htmlspecialchars($_SESSION['csrf']) ?>">
<label>User name <input type="text" name="username"></label>
<label>Password <input type="password" name="password"></label>
<input type="submit" name="login" value="Log in">
</form>
</body></html>
