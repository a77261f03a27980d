<?php
// The page behind the lab device's form login (ADR 0089): only for a logged-in session.
session_save_path('@SESSIONS@');
session_start();
if (($_SESSION['user'] ?? '') !== 'admin') {
    header('Location: /login.php', true, 302);
    exit;
}
echo "<!DOCTYPE html><title>Status</title><p>Device status: ok</p>\n";
