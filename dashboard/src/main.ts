import './styles/app.css';
import { startApp } from './app/startApp.js';

const root = document.getElementById('app');
if (root) startApp(root);
